import { useTranslation } from 'react-i18next'
import { Icon } from '../ui/icons'
import { FilePicker, IMPORT_ACCEPT } from './FilePicker'
import { ImportDialog } from './ImportDialog'
import { useImport } from './useImport'

/** The toolbar's Import (an icon), or a labelled one where an empty screen invites it: a file picker, then the preview dialog. */
export function ImportButton({ labelled = false }: { labelled?: boolean }) {
  const { t } = useTranslation()
  const flow = useImport()
  const pick = (file: File) => void flow.pick(file)
  return (
    <>
      {labelled ? (
        <FilePicker accept={IMPORT_ACCEPT} onPick={pick} className="button button-primary" label={t('empty.import')} testId="empty-import">
          <Icon name="import" /> {t('empty.import')}
        </FilePicker>
      ) : (
        <FilePicker accept={IMPORT_ACCEPT} onPick={pick} className="icon-button" label={t('toolbar.import')} title={t('toolbar.import')} testId="import">
          <Icon name="import" />
        </FilePicker>
      )}
      {flow.phase.kind !== 'closed' && <ImportDialog flow={flow} onPick={pick} />}
    </>
  )
}
