import type { TFunction } from 'i18next'
import { IMPORT_ERROR_REASONS } from '../../core/interop/errors'
import { SERVICE_ERROR_REASONS } from '../../shared/ipc'
import { ApiError } from './client'

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value)

/**
 * A failed call in the UI language. The service's messages are English (the CLI prints them);
 * when it names a reason we know, the catalog says it instead, and only otherwise does its
 * message show as is. `file` is the file an import or restore was about.
 */
export function errorText(error: unknown, t: TFunction, file = ''): string {
  const reason = error instanceof ApiError ? error.reason : undefined
  if (isOneOf(IMPORT_ERROR_REASONS, reason)) return t(`import.refused.${reason}`, { file })
  if (isOneOf(SERVICE_ERROR_REASONS, reason)) return t(`errors.${reason}`)
  return error instanceof Error ? error.message : String(error)
}
