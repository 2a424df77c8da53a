/**
 * The largest file Touchbase imports: 50 MB. A 10,000-contact export is a few MB, so this is
 * far above real use, and it is what the app's import channel carries (50 million characters).
 * Beyond it a file is refused before it is read. Within it, the CLI streams the file, so memory
 * follows the contacts kept, not the bytes read (docs/reliability.md has the figures).
 */
export const MAX_IMPORT_BYTES = 50_000_000

/** "50 MB", "1.2 MB", "800 KB": sizes as a person reads them (decimal units, as file managers show). */
export function describeSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${trim(bytes / 1_000_000)} MB`
  if (bytes >= 1_000) return `${trim(bytes / 1_000)} KB`
  return `${bytes} bytes`
}

const trim = (n: number) => (n >= 10 ? Math.round(n).toString() : n.toFixed(1).replace(/\.0$/, ''))
