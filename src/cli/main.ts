import { createInterface } from 'node:readline/promises'
import { Writable } from 'node:stream'
import { runCli } from './run'

// A reader that goes away (`touchbase list | head -3`) closes the pipe: that is a normal end of
// the output, not a failure. Writing stops quietly and the command itself runs to completion,
// so an import or a touch is never cut short by what reads its report.
const closed = new Set<NodeJS.WriteStream>()
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    closed.add(stream)
  })
}
const write = (stream: NodeJS.WriteStream, text: string) => {
  if (!closed.has(stream)) stream.write(text.endsWith('\n') ? text : `${text}\n`)
}

/** Asks on the terminal without echoing what is typed (for passwords). */
async function hiddenPrompt(question: string): Promise<string> {
  process.stderr.write(question)
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() })
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true })
  try {
    return await rl.question('')
  } finally {
    rl.close()
    process.stderr.write('\n')
  }
}

const code = await runCli(process.argv.slice(2), {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
  env: process.env,
  progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r\x1b[K${line}`) : undefined,
  prompt: process.stdin.isTTY ? hiddenPrompt : undefined,
  terminal: { input: process.stdin, output: process.stdout }
})
process.exitCode = code
