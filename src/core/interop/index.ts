export { IMPORT_ERROR_REASONS, ImportError, type ImportErrorReason } from './errors'
export { MAX_IMPORT_BYTES, describeSize } from './limits'
export { CONTACT_FIELDS, type ContactField, type ImportRecord, type ParsedRecords, type RawContact, type RowError } from './records'
export { detectFormat, type FileFormat } from './detect-format'
export {
  parseCsv,
  detectDialect,
  guessMapping,
  mappingFor,
  previewMapping,
  checkMapping,
  hasNameColumn,
  csvRecords,
  CsvRecordBuilder,
  type ColumnMapping,
  type CsvDialect,
  type CsvTable,
  type MappingPreview
} from './csv-import'
export { vcardRecords, cardRecord, CardSplitter } from './vcard-import'
export { readImportFile, CsvImport, VcardImport, type ImportFormat, type ReadImport, type KeepRecord } from './read-import'
export { decodeQuotedPrintable, joinSoftLineBreaks } from './quoted-printable'
export {
  planImport,
  applyImportPlan,
  mergeInto,
  newContact,
  type ImportPlan,
  type ImportOptions,
  type DuplicateChoice,
  type PlannedAdd,
  type PlannedMerge,
  type PlannedSkip,
  type MergeTarget,
  type MatchedBy
} from './import-plan'
export { contactsToCsv, type ExportContext } from './csv-export'
export { contactsToVcard, contactToVcard } from './vcard-export'
export { followUpsToIcs, eventUid } from './ics-export'
export { serializeBackup } from './backup'
export type { ImportRequest, ImportFileRequest, ImportReport, ExportFormat, ExportedFile } from './requests'
