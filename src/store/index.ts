// The datastore: one JSON file per data folder, shared safely by the app and the CLI.
export { openStore, DATA_FILE_NAME, DEFAULT_LOCK_STALE_MS, DEFAULT_LOCK_TIMEOUT_MS, EXTERNAL_ORIGIN, LOCAL_ORIGIN } from './store'
export type { Store, StoreEvent, StoreOptions, StoreStatus, StoreWarning, WatchOptions, WriteOptions } from './store'
export { MAX_DATA_FILE_BYTES } from './data-file'
export { DataFileBackError, DataFileError, InvalidDocumentError, LockLostError, LockTimeoutError, StoreClosedError, StoreIoError } from './errors'
export type { DataFileErrorCode } from './errors'
export { resolveDataDir, APP_FOLDER_NAME } from './data-dir'
export type { DataDirInput } from './data-dir'
export { BACKUP_DIR_NAME, DAILY_BACKUPS_KEPT, latestBackup } from './backups'
