import { CommanderError } from 'commander'
import { ServiceError } from '../service/errors'
import { DataFileError } from '../store'
import { buildProgram, type CliIo } from './program'

/** Exit codes: 0 ok, 1 a command failed (bad input, not found…), 2 usage, 3 the data file is unusable. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed the problem; help and version are not failures.
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' ? 0 : 2
    }
    if (error instanceof DataFileError) {
      io.err(`touchbase: ${error.message}`)
      return 3
    }
    if (error instanceof ServiceError) {
      io.err(`touchbase: ${error.message}`)
      return 1
    }
    io.err(`touchbase: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
