// Sync over the CouchDB replication protocol: a layer beside the data file (docs/sync.md).
export { runSync, readSyncStatus, syncConfig, SyncError, type SyncReport, type SyncRunOptions, type SyncConfig } from './sync-run'
export { testConnection } from './connection'
export { addUser, setUpBoard, ServerSetupError } from './admin'
