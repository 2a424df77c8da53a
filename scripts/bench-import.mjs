#!/usr/bin/env node
// Import benchmark: generates import files of typical and of the largest accepted size, imports
// each into a fresh data folder with the built CLI (`npm run build` first), and prints the wall
// time, the peak resident memory and the resulting data file. Not a timed test; figures go to
// docs/reliability.md.
//   node scripts/bench-import.mjs [outDir]
// TOUCHBASE_CLI=path measures another build of the CLI (e.g. one built from an older commit).
import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = process.env.TOUCHBASE_CLI ?? join(root, 'out/cli/touchbase.js')
const work = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'touchbase-bench-import-'))
const LIMIT = 50_000_000

/** Writes lines from `line(i)` until `rows` lines or `bytes` bytes, whichever comes first. */
async function write(file, header, line, { rows = Infinity, bytes = Infinity }) {
  const out = createWriteStream(file)
  let size = out.write(header) && header.length
  for (let i = 0; i < rows; i++) {
    const text = line(i)
    if (size + text.length > bytes) break
    size += text.length
    if (!out.write(text)) await new Promise((ok) => out.once('drain', ok))
  }
  await new Promise((ok) => out.end(ok))
  return file
}

const photo = Buffer.alloc(3000, 7).toString('base64').replace(/(.{74})/g, '$1\r\n ')
const files = {
  'Google CSV, 10,000 contacts': () =>
    write(join(work, 'google.csv'), 'First Name,Last Name,Organization Name,E-mail 1 - Value,Phone 1 - Value,Labels,Notes\n', (i) => `Ada${i},Lovelace,Analytical ${i % 300},ada${i}@example.com,+44 20 ${7946_0000 + i},* myContacts ::: Clients,Met at the fair\n`, { rows: 10_000 }),
  'vCard 3.0 with photos, 10,000 contacts': () =>
    write(join(work, 'photos.vcf'), '', (i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper ${i}\r\nN:Hopper;Grace ${i};;;\r\nEMAIL;TYPE=INTERNET:grace${i}@example.com\r\nTEL;TYPE=CELL:+1 555 ${1_000_000 + i}\r\nPHOTO;ENCODING=b;TYPE=JPEG:${photo}\r\nEND:VCARD\r\n`, { rows: 10_000 }),
  'Outlook-style CSV, 40 unused columns, 50 MB': () =>
    write(join(work, 'wide.csv'), `Name,E-mail Address,${Array.from({ length: 40 }, (_, j) => `Field ${j}`).join(',')}\n`, (i) => `Person ${i},p${i}@example.com,${Array.from({ length: 40 }, (_, j) => `value ${j} of ${i} padding`).join(',')}\n`, { bytes: LIMIT }),
  // About the most contacts a data file holds: ~220,000 dense rows make a data file near 100 MB.
  'Dense CSV, every byte kept, 24 MB': () =>
    write(join(work, 'dense24.csv'), 'Name,Email,Phone,Organization,Tags,Notes\n', (i) => `Person ${i},person${i}@example${i % 97}.com,+49 30 ${1_000_000 + i},Org ${i % 5000},lead;import,"Met at fair ${i}, call back"\n`, { bytes: 24_000_000 }),
  'Dense CSV, every byte kept, 50 MB': () =>
    write(join(work, 'dense.csv'), 'Name,Email,Phone,Organization,Tags,Notes\n', (i) => `Person ${i},person${i}@example${i % 97}.com,+49 30 ${1_000_000 + i},Org ${i % 5000},lead;import,"Met at fair ${i}, call back"\n`, { bytes: LIMIT })
}

const rows = []
// TOUCHBASE_BENCH_ONLY=Dense runs only the files whose name contains it.
for (const [name, make] of Object.entries(files).filter(([n]) => n.includes(process.env.TOUCHBASE_BENCH_ONLY ?? ''))) {
  const file = await make()
  const data = join(work, `data-${rows.length}`)
  const peakFile = join(work, 'peak')
  const started = process.hrtime.bigint()
  const result = spawnSync(process.execPath, ['--import', join(root, 'scripts/peak-rss.mjs'), cli, 'import', file, '--data', data, '--json'], {
    env: { ...process.env, TOUCHBASE_PEAK_RSS_FILE: peakFile },
    maxBuffer: 1 << 30,
    encoding: 'utf8'
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (result.status !== 0) {
    rows.push([name, (statSync(file).size / 1e6).toFixed(1), '—', '—', '—', '—', result.stderr.trim().split('\n')[0]])
    continue
  }
  const report = JSON.parse(result.stdout)
  const peak = Number(readFileSync(peakFile, 'utf8'))
  rows.push([name, (statSync(file).size / 1e6).toFixed(1), report.added.length.toLocaleString('en'), seconds.toFixed(1), (peak / 1e6).toFixed(0), (statSync(join(data, 'touchbase.json')).size / 1e6).toFixed(1), ''])
  rmSync(data, { recursive: true, force: true })
}
console.log('| file | MB | contacts | seconds | peak RSS MB | data file MB | note |')
console.log('|---|---|---|---|---|---|---|')
for (const row of rows) console.log(`| ${row.join(' | ')} |`)
if (!process.argv[2]) rmSync(work, { recursive: true, force: true })
