#!/usr/bin/env node
/**
 * Turns vitest's v8 coverage of electron/ (coverage/coverage-summary.json, written by
 * `npm run coverage`) into the per-file table in docs/coverage.md and the figure in the README,
 * so both say what the last run measured. vitest.config.ts fails the run itself when more than
 * 40 executable lines of electron/ go unrun.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const TARGET = 40

const summary = JSON.parse(await readFile(join(root, 'coverage', 'coverage-summary.json'), 'utf8'))
const files = Object.entries(summary)
  .filter(([file]) => file !== 'total')
  .map(([file, metrics]) => ({ file: relative(root, file).split('\\').join('/'), lines: metrics.lines }))
  .sort((a, b) => a.file.localeCompare(b.file))
const total = summary.total.lines
const unrun = total.total - total.covered

const figure = `${unrun} of electron/'s ${total.total} executable lines run under no test (target: at most ${TARGET})`
const table = [
  '| file | executable lines | run by no test |',
  '|---|---:|---:|',
  ...files.map(({ file, lines }) => `| \`${file}\` | ${lines.total} | ${lines.total - lines.covered} |`),
  `| **electron/** | **${total.total}** | **${unrun}** |`
].join('\n')

await replaceBetween(
  join(root, 'docs', 'coverage.md'),
  'coverage:table',
  `${figure}.\n\n${table}`
)
await replaceBetween(join(root, 'README.md'), 'coverage:figure', `${figure}.`)
console.log(`electron/: ${figure}. docs/coverage.md and the README are updated.`)

/** Rewrites the text between `<!-- name -->` and `<!-- /name -->`. */
async function replaceBetween(file, name, content) {
  const text = await readFile(file, 'utf8')
  const start = `<!-- ${name} -->`
  const end = `<!-- /${name} -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`${relative(root, file)} has no ${start} … ${end} section`)
  await writeFile(file, `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`)
}
