import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../api/error-text'

export const UNDO_WINDOW_MS = 10_000

export interface ToastRequest {
  message: string
  tone?: 'info' | 'error'
  /** Offered for UNDO_WINDOW_MS; resolves once the change is reverted. */
  undo?: () => Promise<void>
}
interface ShownToast extends ToastRequest {
  key: number
}

const ToastContext = createContext<(toast: ToastRequest) => void>(() => {})

export function useToast(): (toast: ToastRequest) => void {
  return useContext(ToastContext)
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<ShownToast | null>(null)
  const show = useCallback((t: ToastRequest) => setToast({ ...t, key: Date.now() + Math.random() }), [])
  const value = useMemo(() => show, [show])
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toast && <Toast key={toast.key} toast={toast} onDone={() => setToast((t) => (t?.key === toast.key ? null : t))} onShow={show} />}
      </div>
    </ToastContext.Provider>
  )
}

function Toast({ toast, onDone, onShow }: { toast: ShownToast; onDone: () => void; onShow: (t: ToastRequest) => void }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    const timer = window.setTimeout(onDone, toast.undo ? UNDO_WINDOW_MS : 5000)
    return () => window.clearTimeout(timer)
  }, [toast, onDone])

  async function undo() {
    if (!toast.undo || busy) return
    setBusy(true)
    try {
      await toast.undo()
      onShow({ message: t('toast.undone') })
    } catch (error) {
      onShow({ message: t('toast.failed', { message: errorText(error, t) }), tone: 'error' })
    }
  }

  return (
    <div className={`toast ${toast.tone === 'error' ? 'toast-error' : ''}`} data-testid="toast">
      <span className="toast-message">{toast.message}</span>
      {toast.undo && (
        <button type="button" className="toast-undo" onClick={() => void undo()} disabled={busy}>
          {t('toast.undo')}
        </button>
      )}
      <button type="button" className="icon-button toast-close" aria-label={t('toast.dismiss')} onClick={onDone}>
        ×
      </button>
      {toast.undo && <span className="toast-timer" style={{ animationDuration: `${UNDO_WINDOW_MS}ms` }} />}
    </div>
  )
}
