import type { z } from 'zod'
import { describeIssues } from '../core/model'
import type { ServiceErrorReason } from '../shared/ipc'

export type ServiceErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'data-file' | 'import' | 'unavailable'

/**
 * An error a person can act on. Every front shows `message` (or, with a `reason`, its own
 * translation of it); `issues` lists field problems.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly issues: string[] = [],
    readonly reason?: ServiceErrorReason
  ) {
    super(message)
    this.name = 'ServiceError'
  }
}

export function invalidInput(what: string, error: z.ZodError, reason?: ServiceErrorReason): ServiceError {
  const issues = describeIssues(error)
  return new ServiceError('invalid-input', `Invalid ${what}: ${issues.join('; ')}`, issues, reason)
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw invalidInput(what, result.error)
  return result.data
}
