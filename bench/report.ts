/** The three outputs: a table on stdout, bench/results.json, and the results block of docs/performance.md. */
import { readFile, writeFile } from 'node:fs/promises'
import { cpus, loadavg, release, totalmem, type } from 'node:os'
import { meets, type Figure } from './figures'

export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  os: string
  node: string
  chromium?: string
  /** 1, 5 and 15 minute load averages when the run started: other work on the machine shows here. */
  loadAverage: number[]
}

export interface Results {
  date: string
  machine: Machine
  runs: { paired: number; burst: number }
  contacts: { tiny: number; small: number; large: number }
  fileBytes: { tiny: number; small: number; large: number }
  figures: Figure[]
}

/** Taken when the run starts, so the load average says what else the machine was doing. */
export function describeMachine(): Machine {
  const cpu = cpus()
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100)
  }
}

const show = (f: Figure, value: number) => (!Number.isFinite(value) ? 'never' : f.unit === 'ms' ? `${value.toFixed(0)} ms` : `${value.toFixed(2)}×`)
const status = (f: Figure) => ({ true: 'ok', false: 'OFF', null: '–' })[String(meets(f)) as 'true' | 'false' | 'null']
const target = (f: Figure) => (f.target === null ? '–' : `≤ ${f.unit === 'ms' ? `${f.target} ms` : f.target}`)
const details = (f: Figure) =>
  Object.entries(f.detail)
    .map(([k, v]) => `${k} ${!Number.isFinite(v) ? 'never' : Number.isInteger(v) ? v : v.toFixed(1)}`)
    .join(', ')

export function table(results: Results): string {
  const rows = results.figures.map((f) => [f.label, f.small ? show(f, f.small.value) : '', show(f, f.value), target(f), status(f)])
  const head = ['figure', 'smaller size', `${results.contacts.large.toLocaleString('en')} / scaling`, 'target', '']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  const m = results.machine
  return [
    `Touchbase benchmark, ${results.date}: ${results.runs.paired} paired runs (burst ${results.runs.burst}), median of per-run ratios`,
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}${m.chromium ? `, Chromium ${m.chromium}` : ''}; load average ${m.loadAverage.join(' ')}`,
    `files: ${Object.entries(results.fileBytes).map(([k, b]) => `${results.contacts[k as keyof Results['contacts']].toLocaleString('en')} contacts ${(b / 2 ** 20).toFixed(1)} MiB`).join(', ')}`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    ...results.figures.map((f) => `${f.key}: floor = ${f.floor}; ${details(f)}`)
  ].join('\n')
}

const START = '<!-- bench:results:start -->'
const END = '<!-- bench:results:end -->'

/** The generated part of docs/performance.md; everything outside the markers is written by hand. */
export function markdown(results: Results): string {
  const m = results.machine
  const cell = (s: string) => s.replace(/\|/g, '\\|')
  return [
    START,
    `Latest run: ${results.date}, \`npm run bench\` with ${results.runs.paired} paired runs (${results.runs.burst} for the burst).`,
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}${m.chromium ? `, Chromium ${m.chromium}` : ''}; load average at the start ${m.loadAverage.join(' / ')}.`,
    `Data: ${Object.entries(results.fileBytes)
      .map(([k, b]) => `${results.contacts[k as keyof Results['contacts']].toLocaleString('en')} contacts = ${(b / 2 ** 20).toFixed(1)} MiB`)
      .join(', ')}.`,
    '',
    '| Figure | Floor | Smaller size | 10,000 contacts | Target | | Medians |',
    '|---|---|---|---|---|---|---|',
    ...results.figures.map(
      (f) =>
        `| ${cell(f.label)} | ${cell(f.floor)} | ${f.small ? `${show(f, f.small.value)} (${f.small.contacts.toLocaleString('en')})` : ''} | **${show(f, f.value)}** | ${target(f)} | ${status(f)} | ${cell(details(f))} |`
    ),
    END
  ].join('\n')
}

export async function writeOutputs(results: Results, jsonPath: string, docPath: string): Promise<void> {
  await writeFile(jsonPath, `${JSON.stringify(results, null, 2)}\n`)
  let doc: string
  try {
    doc = await readFile(docPath, 'utf8')
  } catch {
    doc = `# Performance\n\n${START}\n${END}\n`
  }
  const start = doc.indexOf(START)
  const end = doc.indexOf(END)
  if (start < 0 || end < start) throw new Error(`${docPath} has no ${START} … ${END} block to fill`)
  await writeFile(docPath, doc.slice(0, start) + markdown(results) + doc.slice(end + END.length))
}
