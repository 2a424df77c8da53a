/**
 * Why a file cannot be imported, as a code the UI translates (the message stays English for the
 * CLI and as the fallback).
 */
export const IMPORT_ERROR_REASONS = [
  'empty',
  'too-large',
  'not-a-file',
  'binary',
  'icalendar',
  'json',
  'markup',
  'no-cards',
  'no-header',
  'no-name-column',
  'unknown-columns',
  'not-json',
  'bad-backup'
] as const
export type ImportErrorReason = (typeof IMPORT_ERROR_REASONS)[number]

/**
 * A file (or backup) that cannot be imported at all. The message is meant for the person:
 * it says what is wrong and what to do. Problems with single rows are not thrown; they are
 * reported per row so the good rows still import.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError'
  constructor(
    readonly reason: ImportErrorReason,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}
