import { CommanderError } from 'commander'
import { DataFileError } from '../store'
import { errorMessage } from './errors'
import { terminalSafe } from './format'
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
    io.err(terminalSafe(`touchbase: ${errorMessage(error)}`))
    if (error instanceof DataFileError) return 3
    return 1
  }
}
