/**
 * A file (or backup) that cannot be imported at all. The message is meant for the person:
 * it says what is wrong and what to do. Problems with single rows are not thrown; they are
 * reported per row so the good rows still import.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}
