import { execFile, spawn } from 'node:child_process'
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { copyFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, describe, expect, it } from 'vitest'
import { editContact } from '../../src/core/model'
import { DATA_FILE_NAME, MAX_DATA_FILE_BYTES, openStore } from '../../src/store'
import { TouchbaseService } from '../../src/service'
import { encodeDocument } from '../../src/store/document-codec'
import { generateDocument, REFERENCE_NOW } from '../../bench/generate'
import { tempDirs } from './helpers'

/**
 * The datastore's figures for docs/performance.md, each a ratio to its floor measured in the
 * same run (the median of paired runs). Not a test: it measures, and runs only when asked:
 *
 *   TOUCHBASE_FIGURES=1 npx vitest run --project unit tests/store/datastore-figures.test.ts
 *
 * (TOUCHBASE_FIGURES_RUNS sets the number of pairs, default 9.) The project's `npm run bench`
 * covers the whole app; this is the store's own view, with its own simple generator.
 */
const RUNS = Number(process.env.TOUCHBASE_FIGURES_RUNS ?? 9)
const ROOT = resolve(__dirname, '../..')
const CLI = join(ROOT, 'out/cli/touchbase.js')
const dirs = tempDirs()
afterAll(() => dirs.cleanup())

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
/**
 * Paired runs: each run times the floor and the subject back to back. `median` is the median of
 * the per-run ratios; `ofMinimums` divides the fastest subject by the fastest floor, which on a
 * machine busy with other work is the steadier estimate of what each costs by itself.
 */
class Pairs {
  readonly floors: number[] = []
  readonly subjects: number[] = []
  add(floor: number, subject: number): void {
    this.floors.push(floor)
    this.subjects.push(subject)
  }
  get median(): number {
    return median(this.subjects.map((s, i) => s / this.floors[i]!))
  }
  get ofMinimums(): number {
    return Math.min(...this.subjects) / Math.min(...this.floors)
  }
  toString(): string {
    return `${this.median.toFixed(2)} (of minimums ${this.ofMinimums.toFixed(2)})`
  }
}
// A full collection before each timing, so the garbage of the previous one (a 23 MB load
// leaves ~100 MB) is not collected in the middle of the next.
setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void
const ms = async (work: () => unknown) => {
  collect()
  const started = performance.now()
  await work()
  return performance.now() - started
}

/** The floor of a durable write: temp file, fsync, rename, fsync of the folder. */
function bareDurableWrite(dir: string, bytes: Buffer): void {
  const temp = join(dir, 'bare.tmp')
  const fd = openSync(temp, 'w')
  writeSync(fd, bytes)
  fsyncSync(fd)
  closeSync(fd)
  renameSync(temp, join(dir, 'bare.json'))
  const dirFd = openSync(dir, 'r')
  fsyncSync(dirFd)
  closeSync(dirFd)
}

/** The same as a process of its own: start Node, read the file, write it durably. */
const BARE_WRITE_PROCESS = `
const fs = require('node:fs'), path = require('node:path')
const [file, dir] = process.argv.slice(1)
const bytes = fs.readFileSync(file)
const temp = path.join(dir, 'bare.tmp'), fd = fs.openSync(temp, 'w')
fs.writeSync(fd, bytes); fs.fsyncSync(fd); fs.closeSync(fd)
fs.renameSync(temp, path.join(dir, 'bare.json'))
const d = fs.openSync(dir, 'r'); fs.fsyncSync(d); fs.closeSync(d)`
const BARE_PARSE_PROCESS = `JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))`

function run(args: string[]): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolvePromise(performance.now() - started) : reject(new Error(`${args.join(' ')}: ${stderr}`))))
  })
}

/** Peak resident memory of a process, in bytes (GNU time). */
function peakRss(args: string[]): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', () => resolvePromise(Number(stderr.trim().split('\n').at(-1)) * 1024))
  })
}

async function dataDirWith(contacts: number, touches: number): Promise<{ dir: string; file: string; ids: string[]; bytes: number }> {
  const dir = await dirs.make('touchbase-figures-')
  const doc = generateDocument({ contacts, touches, now: REFERENCE_NOW, language: 'mixed' })
  const text = encodeDocument(doc)
  const file = join(dir, DATA_FILE_NAME)
  await writeFile(file, text)
  return { dir, file, ids: doc.contacts.map((c) => c.id), bytes: Buffer.byteLength(text) }
}

async function touchFigures(contacts: number, touches: number) {
  const data = await dataDirWith(contacts, touches)
  const floorDir = await dirs.make('touchbase-floor-')

  const load = new Pairs()
  for (let i = 0; i < RUNS; i++) {
    const floor = await ms(() => JSON.parse(readFileSync(data.file, 'utf8')))
    const store = await ms(async () => (await openStore(data.dir)).close())
    load.add(floor, store)
  }

  let writes = 0
  const store = await openStore(data.dir, { onWrite: () => writes++ })
  const service = new TouchbaseService(store)
  await service.logTouch(data.ids[0]!, { note: 'warm-up' })
  const touch = new Pairs()
  const single: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const bytes = readFileSync(data.file)
    // Alternate which goes first: a write right after another one's fsync waits on the disk.
    const floorFirst = i % 2 === 0
    const floorBefore = floorFirst ? await ms(() => bareDurableWrite(floorDir, bytes)) : 0
    const one = await ms(() => service.logTouch(data.ids[1 + i]!, { channel: 'call', note: 'Left a voicemail.' }))
    const floor = floorFirst ? floorBefore : await ms(() => bareDurableWrite(floorDir, bytes))
    single.push(one)
    touch.add(floor, one)
  }
  // The store alone: the same touch as one store.update, without the service's view of the contact.
  const storeTouch = new Pairs()
  for (let i = 0; i < RUNS; i++) {
    const bytes = readFileSync(data.file)
    const floor = await ms(() => bareDurableWrite(floorDir, bytes))
    const one = await ms(() =>
      store.update((doc) => {
        const contact = editContact(doc, 50 + i)
        contact.touches.push({ id: `figures-${i}`, at: new Date().toISOString(), channel: 'call' })
        contact.updatedAt = new Date().toISOString()
      })
    )
    storeTouch.add(floor, one)
  }
  writes = 0
  const burst = await ms(async () => {
    for (let i = 0; i < 100; i++) await service.logTouch(data.ids[100 + i]!, { channel: 'email' })
  })
  const burstWrites = writes
  await store.close()
  return { data, load, touch, storeTouch, singleMs: median(single), burst: burst / (100 * median(single)), burstMs: burst, burstWrites }
}

describe.runIf(process.env.TOUCHBASE_FIGURES)('datastore figures', () => {
  it('measures', async () => {
    await promisify(execFile)('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'], { cwd: ROOT })
    const big = await touchFigures(10_000, 100_000)
    const small = await touchFigures(1_000, 10_000)

    // As processes: the CLI against a bare durable write of the same file.
    const cliTouch = new Pairs()
    const cliOverParseWrite = new Pairs()
    const floorDir = await dirs.make('touchbase-floor-')
    await copyFile(big.data.file, join(floorDir, 'source.json'))
    for (let i = 0; i < RUNS; i++) {
      const floor = await run(['-e', BARE_WRITE_PROCESS, join(floorDir, 'source.json'), floorDir])
      const cli = await run([CLI, 'touch', big.data.ids[300 + i]!, '--channel', 'call', '--data', big.data.dir])
      // The least any process that validates the file can do: parse it, then write it durably.
      const parseWrite = await run(['-e', `JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));${BARE_WRITE_PROCESS}`, join(floorDir, 'source.json'), floorDir])
      cliTouch.add(floor, cli)
      cliOverParseWrite.add(parseWrite, cli)
    }
    const rss = {
      touch: await peakRss([CLI, 'touch', big.data.ids[400]!, '--channel', 'call', '--data', big.data.dir]),
      due: await peakRss([CLI, 'due', '--json', '--data', big.data.dir]),
      bareParse: await peakRss(['-e', BARE_PARSE_PROCESS, big.data.file]),
      bareNode: await peakRss(['-e', '0'])
    }

    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`
    const lines = [
      `datastore figures, ${RUNS} paired runs; 10k = 10,000 contacts, 100,000 touches (${mb(big.data.bytes)}); 1k = 1,000 / 10,000 (${mb(small.data.bytes)})`,
      `load (openStore ÷ JSON.parse(readFileSync)):   10k ${big.load}   1k ${small.load}`,
      `touch in-process (÷ bare durable write):        10k ${big.touch}   1k ${small.touch}   (10k: ${big.singleMs.toFixed(0)} ms a touch)`,
      `… the store alone (one store.update):           10k ${big.storeTouch}   1k ${small.storeTouch}`,
      `100 touches one after another (÷ 100 × one):    10k ${big.burst.toFixed(2)}   1k ${small.burst.toFixed(2)}   (10k: ${big.burstWrites} writes, ${(big.burstMs / 1000).toFixed(1)} s)`,
      `CLI touch as a process (÷ bare write process):  10k ${cliTouch}   (÷ a process that parses, then writes: ${cliOverParseWrite})`,
      `CLI peak RSS ÷ file size:                       touch ${(rss.touch / big.data.bytes).toFixed(1)}   due ${(rss.due / big.data.bytes).toFixed(1)}   ` +
        `(touch ${mb(rss.touch)}, due ${mb(rss.due)}; floors: bare parse ${mb(rss.bareParse)}, bare node ${mb(rss.bareNode)})`
    ]
    console.info(lines.join('\n'))
    expect(big.burstWrites).toBe(100)
  }, 900_000)

  it('the largest file accepted', async () => {
    // About 4.2 times the 10k file: just under MAX_DATA_FILE_BYTES.
    const data = await dataDirWith(42_000, 420_000)
    expect(data.bytes).toBeLessThan(MAX_DATA_FILE_BYTES)
    const open: number[] = []
    for (let i = 0; i < 3; i++) open.push(await ms(async () => (await openStore(data.dir)).close()))
    const store = await openStore(data.dir)
    const service = new TouchbaseService(store)
    const touch: number[] = []
    for (let i = 0; i < 3; i++) touch.push(await ms(() => service.logTouch(data.ids[i]!, { channel: 'call' })))
    await store.close()
    const cli = await run([CLI, 'touch', data.ids[10]!, '--channel', 'call', '--data', data.dir])
    console.info(
      `largest accepted file: ${(data.bytes / 1e6).toFixed(1)} MB (42,000 contacts, 420,000 touches): open ${median(open).toFixed(0)} ms, ` +
        `a touch in-process ${median(touch).toFixed(0)} ms, CLI touch ${cli.toFixed(0)} ms`
    )
  }, 900_000)
})
