import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import { ImportError } from '../../src/core/interop/errors'
import { ImportChoicesSchema, type ImportChoices, type ImportReport } from '../../src/core/interop/requests'
import type { ImportHost } from '../../src/service/api'
import { ServiceError, parseOrThrow } from '../../src/service/errors'
import type { TouchbaseService } from '../../src/service/service'
import { translator, type Language } from '../../src/shared/i18n'
import type { PickedImport, PushEvents } from '../../src/shared/ipc'

/** What Import asks of Electron's dialog.showOpenDialog. */
export interface OpenDialogRequest {
  title: string
  properties: 'openFile'[]
  filters: { name: string; extensions: string[] }[]
}
/**
 * Electron's dialog.showOpenDialog, for one file. Main passes the real one (over its window);
 * the Electron double and the browser harness answer it with a test file.
 */
export type ShowOpenDialog = (request: OpenDialogRequest) => Promise<{ canceled: boolean; filePaths: string[] }>

export interface ImportHostDeps {
  service: Pick<TouchbaseService, 'importFile' | 'importFileColumns'>
  showOpenDialog: ShowOpenDialog
  /** The language of the dialog's title and file types (main's, as the tray's). */
  language: () => Language
  progress: (progress: PushEvents['import:progress']) => void
}

const Token = z.string().max(100)

/**
 * The app's Import (ApiHost.imports): main asks for the file with the system's dialog and keeps
 * its path; the page gets a token for it. So a page can only ever import a file the person
 * picked, and the file is streamed by service.importFile: the page never holds its text.
 */
export function createImportHost(deps: ImportHostDeps): ImportHost {
  const picked = new Map<string, string>()

  return {
    async pick(): Promise<PickedImport | null> {
      const t = translator(deps.language())
      const answer = await deps.showOpenDialog({
        title: t('import.title'),
        properties: ['openFile'],
        filters: [
          { name: t('import.fileTypes'), extensions: ['csv', 'vcf', 'vcard', 'txt'] },
          { name: t('import.allFiles'), extensions: ['*'] }
        ]
      })
      const path = answer.canceled ? undefined : answer.filePaths[0]
      if (!path) return null
      // Its size lets the window refuse a file over the limit at once, before a byte is read.
      const { size } = await stat(path)
      const token = randomUUID()
      picked.set(token, path)
      return { token, fileName: basename(path), size }
    },

    async importFile(token: string, choices?: ImportChoices): Promise<ImportReport> {
      const path = picked.get(parseOrThrow(Token, token, 'token'))
      if (path === undefined) throw new ServiceError('not-found', 'This file was not picked for import in this Touchbase window; choose it again with Import.')
      const request = { ...parseOrThrow(ImportChoicesSchema.optional(), choices, 'import choices'), path }
      try {
        return await deps.service.importFile(request, {
          onRead: (done, total) => deps.progress({ stage: 'reading', done, total }),
          onProgress: (done, total) => deps.progress({ stage: 'planning', done, total })
        })
      } catch (error) {
        // A CSV whose name column we could not find: show its columns, so the person can say which it is.
        if (request.dryRun && !request.mapping && error instanceof ImportError && error.reason === 'no-name-column') {
          const columns = await deps.service.importFileColumns(path)
          if (columns) return columns
        }
        throw error
      }
    }
  }
}
