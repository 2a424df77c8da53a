import { createInterface } from 'node:readline/promises'
import { Writable } from 'node:stream'
import { runCli } from './run'

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
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
  progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r\x1b[K${line}`) : undefined,
  prompt: process.stdin.isTTY ? hiddenPrompt : undefined,
  terminal: { input: process.stdin, output: process.stdout }
})
process.exitCode = code
