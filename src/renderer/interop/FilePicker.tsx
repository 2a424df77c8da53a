import { useRef, type ReactNode } from 'react'

export const BACKUP_ACCEPT = '.json,application/json'

interface Props {
  accept: string
  onPick: (file: File) => void
  className: string
  label: string
  title?: string
  testId: string
  children: ReactNode
}

/**
 * A button that opens the file dialog (native in Electron). The input sits beside the button
 * rather than elsewhere, because a modal <dialog> makes everything outside it inert.
 */
export function FilePicker({ accept, onPick, className, label, title, testId, children }: Props) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <button type="button" className={className} title={title} aria-label={title ? label : undefined} onClick={() => input.current?.click()} data-testid={testId}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={`${testId}-file`}
        onChange={(e) => {
          const picked = e.target.files?.[0]
          // Cleared so that picking the same file again (after fixing it) still fires a change.
          e.target.value = ''
          if (picked) onPick(picked)
        }}
      />
    </>
  )
}
