/**
 * The part of PouchDB 9's API that Touchbase uses. (@types/pouchdb targets PouchDB 6 and pulls
 * the DOM library into Node code, which breaks Buffer's types, so it is not used.)
 */
declare module 'pouchdb' {
  namespace PouchDB {
    interface Doc {
      _id: string
      _rev?: string
      _deleted?: boolean
      _conflicts?: string[]
      [key: string]: unknown
    }
    interface WriteResult {
      ok?: boolean
      id?: string
      rev?: string
      error?: unknown
      status?: number
      name?: string
      message?: string
    }
    interface AllDocsRow {
      id: string
      key: string
      value: { rev: string; deleted?: boolean }
      doc?: Doc | null
      error?: string
    }
    interface ChangesRow {
      id: string
      seq: number | string
      deleted?: boolean
      doc?: Doc
    }
    interface ReplicationResult {
      ok: boolean
      docs_read: number
      docs_written: number
      doc_write_failures: number
      errors: unknown[]
      last_seq: number | string
    }
    interface ReplicateOptions {
      batch_size?: number
      batches_limit?: number
      live?: boolean
      retry?: boolean
    }
    interface Replication extends Promise<ReplicationResult> {
      cancel(): void
      on(event: string, listener: (...args: unknown[]) => void): this
    }
    interface ChangesFeed extends Promise<{ results: ChangesRow[]; last_seq: number | string }> {
      cancel(): void
      on(event: 'change', listener: (change: ChangesRow) => void): this
      on(event: 'error' | 'complete', listener: (value: unknown) => void): this
    }
    interface Database {
      info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>
      get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<Doc>
      put(doc: Doc): Promise<WriteResult>
      bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<WriteResult[]>
      allDocs(options: {
        keys?: string[]
        startkey?: string
        endkey?: string
        include_docs?: boolean
        limit?: number
        skip?: number
      }): Promise<{ total_rows: number; rows: AllDocsRow[] }>
      changes(options: {
        since?: number | string
        limit?: number
        include_docs?: boolean
        conflicts?: boolean
        live?: boolean
        timeout?: number | false
        heartbeat?: number | false
      }): ChangesFeed
      replicate: {
        from(source: Database, options?: ReplicateOptions): Replication
        to(target: Database, options?: ReplicateOptions): Replication
      }
      close(): Promise<void>
      destroy(): Promise<void>
    }
  }
  interface PouchDBStatic {
    new (name: string, options?: Record<string, unknown>): PouchDB.Database
    plugin(plugin: unknown): PouchDBStatic
  }
  const PouchDB: PouchDBStatic
  export default PouchDB
}
