import type { ContactField, RowError } from './records'
import type { ImportFormat } from './read-import'
import type { MappingPreview } from './csv-import'

/** The shapes of import and export requests and reports, shared by the service, the CLI and the UI. */
export interface ImportRequest {
  fileName: string
  text: string
  dryRun?: boolean
  onDuplicate?: 'merge' | 'skip'
  decisions?: Record<number, 'merge' | 'skip'>
  /** CSV only: header → field; replaces the recognised or guessed mapping. */
  mapping?: Record<string, ContactField>
}

/** An import of a file on disk, which the service streams (the CLI's `touchbase import FILE`). */
export type ImportFileRequest = Omit<ImportRequest, 'text' | 'fileName'> & { path: string }

export interface ImportReport {
  format: ImportFormat
  dryRun: boolean
  added: { row: number; name: string; id?: string }[]
  /** `id` is the contact merged into; absent in a dry run when it is a contact this file adds (see intoRow). */
  merged: { row: number; name: string; id?: string; intoRow?: number; into: string; matchedBy: string }[]
  /** Duplicates left out: `into` is the contact (or, with intoRow, the earlier row) they match. */
  skipped: { row: number; name: string; reason: string; into: string; intoRow?: number; matchedBy: string }[]
  /** Rows that cannot be imported: `message` in English, `issues` as codes a front translates. */
  errors: RowError[]
  /** For a CSV we did not recognise: the columns, our guessed mapping and the first rows. */
  mappingPreview?: MappingPreview
}

export type ExportFormat = 'csv' | 'vcf' | 'json' | 'ics'

export interface ExportedFile {
  fileName: string
  mimeType: string
  content: string
}
