import { useTranslation } from 'react-i18next'
import { Icon } from '../ui/icons'
import { FilePicker, IMPORT_ACCEPT } from './FilePicker'
import { ImportDialog } from './ImportDialog'
import { useImport } from './useImport'

/** The toolbar's Import: a file picker, then the preview dialog. */
export function ImportButton() {
  const { t } = useTranslation()
  const flow = useImport()
  const pick = (file: File) => void flow.pick(file)
  return (
    <>
      <FilePicker accept={IMPORT_ACCEPT} onPick={pick} className="icon-button" label={t('toolbar.import')} title={t('toolbar.import')} testId="import">
        <Icon name="import" />
      </FilePicker>
      {flow.phase.kind !== 'closed' && <ImportDialog flow={flow} onPick={pick} />}
    </>
  )
}
