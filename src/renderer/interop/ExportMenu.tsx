import { useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportFormat } from '../../core/interop/requests'
import { Dialog, type Anchor } from '../ui/Dialog'

const FORMATS: ExportFormat[] = ['csv', 'vcf', 'json', 'ics']

interface Props {
  anchor: Anchor
  onPick: (format: ExportFormat) => void
  onCancel: () => void
}

/** The export formats, as a popover menu like "Move to column…": arrows move, Escape closes. */
export function ExportMenu({ anchor, onPick, onCancel }: Props) {
  const { t } = useTranslation()
  const list = useRef<HTMLDivElement>(null)

  function moveFocus(event: KeyboardEvent) {
    const items = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    const next = { ArrowDown: at + 1, ArrowUp: at - 1 + items.length, Home: 0, End: items.length - 1 }[event.key]
    if (next === undefined) return
    event.preventDefault()
    items[next % items.length]?.focus()
  }

  return (
    <Dialog title={t('export.title')} onClose={onCancel} anchor={anchor} className="export-menu" testId="export-menu">
      <h2 className="dialog-title">{t('export.title')}</h2>
      <div ref={list} role="menu" aria-label={t('export.title')} onKeyDown={moveFocus} className="menu-list">
        {FORMATS.map((format, i) => (
          <button
            key={format}
            type="button"
            role="menuitem"
            className={`menu-item ${format === 'json' ? 'menu-separated' : ''}`}
            data-autofocus={i === 0}
            data-format={format}
            onClick={() => onPick(format)}
          >
            <span>{t(`export.${format}`)}</span>
            <span className="menu-note">{t(`export.${format}Hint`)}</span>
          </button>
        ))}
      </div>
    </Dialog>
  )
}
