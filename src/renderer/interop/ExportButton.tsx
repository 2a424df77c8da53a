import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportFormat } from '../../core/interop/requests'
import { call } from '../api/client'
import { errorText } from '../api/error-text'
import type { Anchor } from '../ui/Dialog'
import { Icon } from '../ui/icons'
import { useToast } from '../ui/Toast'
import { saveFile } from './download'
import { ExportMenu } from './ExportMenu'

const MENU_WIDTH = 300

export function ExportButton() {
  const { t } = useTranslation()
  const toast = useToast()
  const button = useRef<HTMLButtonElement>(null)
  const [anchor, setAnchor] = useState<Anchor | null>(null)

  function open() {
    const rect = button.current!.getBoundingClientRect()
    // Right-aligned under the button, which sits at the toolbar's right end.
    setAnchor({ x: rect.right - MENU_WIDTH, y: rect.bottom + 6 })
  }

  async function run(format: ExportFormat) {
    setAnchor(null)
    try {
      saveFile(await call('export:run', format))
    } catch (error) {
      toast({ message: t('toast.failed', { message: errorText(error, t) }), tone: 'error' })
    }
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button"
        title={t('toolbar.export')}
        aria-label={t('toolbar.export')}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        onClick={open}
        data-slot="export"
        data-testid="export"
      >
        <Icon name="export" />
      </button>
      {anchor && <ExportMenu anchor={anchor} onPick={(format) => void run(format)} onCancel={() => setAnchor(null)} />}
    </>
  )
}
