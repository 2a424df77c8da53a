import type { OpenDialogRequest } from '../../electron/main/import-host'

/**
 * The system's file dialog in tests (Electron's dialog.showOpenDialog): a test queues what the
 * person picks (a path, or null for Cancel) and reads what main asked for. The Electron double's
 * `dialog` and the browser harness's api host both answer through one of these.
 */
export function createOpenDialogDouble() {
  const answers: (string | null)[] = []
  const requests: OpenDialogRequest[] = []
  return {
    /** What main asked for, dialog by dialog (title, filters). */
    requests,
    /** The person's next pick: a file's path, or null for Cancel. */
    answer(path: string | null): void {
      answers.push(path)
    },
    /** Electron's both forms: (options) and (window, options). */
    async showOpenDialog(...args: [OpenDialogRequest] | [unknown, OpenDialogRequest]): Promise<{ canceled: boolean; filePaths: string[] }> {
      requests.push(args.length === 2 ? args[1] : args[0])
      if (answers.length === 0) throw new Error('open dialog double: nothing to pick; call answer(path) first')
      const path = answers.shift()!
      return path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] }
    },
    reset(): void {
      answers.length = 0
      requests.length = 0
    }
  }
}

export type OpenDialogDouble = ReturnType<typeof createOpenDialogDouble>
