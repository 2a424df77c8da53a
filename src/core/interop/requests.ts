import { z } from 'zod'
import { CONTACT_FIELDS, type RowError } from './records'
import { MAX_IMPORT_BYTES, describeSize } from './limits'
import type { ImportFormat } from './read-import'
import type { MappingPreview } from './csv-import'

/** The shapes of import and export requests and reports, shared by the service, the CLI and the UI. */
export const ImportRequestSchema = z.object({
  fileName: z.string().max(1000),
  // The import limit (50 MB, far beyond any address book); characters, each at least one byte.
  text: z.string().max(MAX_IMPORT_BYTES, `is larger than ${describeSize(MAX_IMPORT_BYTES)}`),
  dryRun: z.boolean().optional(),
  onDuplicate: z.enum(['merge', 'skip']).optional(),
  /** Per row number: what to do with that row's duplicate. */
  decisions: z.record(z.string(), z.enum(['merge', 'skip'])).optional(),
  /** CSV only: header → field; replaces the recognised or guessed mapping. */
  mapping: z.record(z.string(), z.enum(CONTACT_FIELDS)).optional()
})
export type ImportRequest = z.input<typeof ImportRequestSchema>

/** What a person chooses about an import besides the file: a dry run, duplicates, the columns. */
export const ImportChoicesSchema = ImportRequestSchema.omit({ fileName: true, text: true })
export type ImportChoices = z.input<typeof ImportChoicesSchema>

/** An import of a file on disk, which the service streams (`touchbase import FILE`, the app's Import). */
export const ImportFileRequestSchema = ImportChoicesSchema.extend({ path: z.string().min(1).max(4096) })
export type ImportFileRequest = z.input<typeof ImportFileRequestSchema>

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

export const EXPORT_FORMATS = ['csv', 'vcf', 'json', 'ics'] as const
export const ExportFormatSchema = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormatSchema>

export interface ExportedFile {
  fileName: string
  mimeType: string
  content: string
}
