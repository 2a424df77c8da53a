import { useEffect, useRef, type ReactNode } from 'react'

export interface Anchor {
  x: number
  y: number
}

interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  /** Places a small popover beside a point (e.g. the column a card was dropped on) instead of centred. */
  anchor?: Anchor | null
  className?: string
  testId?: string
}

/**
 * A modal built on <dialog>: the browser traps focus, Escape fires `cancel`, and the element
 * that had focus gets it back when the dialog goes away.
 */
export function Dialog({ title, onClose, children, anchor, className = '', testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const returnFocus = document.activeElement as HTMLElement | null
    dialog.showModal()
    if (anchor) placeBeside(dialog, anchor)
    // showModal() focuses the first focusable element; a dialog may name a better start.
    dialog.querySelector<HTMLElement>('[data-autofocus="true"], [data-autofocus=""]')?.focus()
    const cancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', cancel)
    return () => {
      dialog.removeEventListener('cancel', cancel)
      dialog.close()
      if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true })
    }
  }, [anchor])

  return (
    <dialog
      ref={ref}
      className={`dialog ${anchor ? 'dialog-popover' : ''} ${className}`}
      aria-label={title}
      data-testid={testId}
      onMouseDown={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) dismisses.
        if (e.target === e.currentTarget) onClose()
      }}
    >
      <div className="dialog-body">{children}</div>
    </dialog>
  )
}

function placeBeside(dialog: HTMLDialogElement, anchor: Anchor) {
  const rect = dialog.getBoundingClientRect()
  const margin = 12
  const left = Math.min(Math.max(margin, anchor.x), window.innerWidth - rect.width - margin)
  const top = Math.min(Math.max(margin, anchor.y), window.innerHeight - rect.height - margin)
  dialog.style.left = `${left}px`
  dialog.style.top = `${top}px`
}
