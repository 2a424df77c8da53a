/**
 * Turns the paired runs into the figures the issue asks for: each a ratio to a floor measured in
 * the same run (or, for Enter → board updated, milliseconds), the median over runs, and a target.
 */
import type { CoreRun } from './core'
import { median } from './measure'
import type { ProcessRun } from './processes'
import type { RendererRun } from './renderer'

export interface Figure {
  key: string
  label: string
  /** What the figure is divided by. */
  floor: string
  /** The figure is met when value ≤ target; null: reported, no target. */
  target: number | null
  unit: '×' | 'ms'
  /** The value compared with the target (at 10,000 contacts, or 10k ÷ 1k / 10k ÷ 100). */
  value: number
  /** The same figure at the smaller size, where it has one. */
  small?: { contacts: number; value: number }
  /** Per-run values behind `value`. */
  samples: number[]
  /** Medians that explain the value, e.g. subject and floor in ms, file writes. */
  detail: Record<string, number>
}

export interface Measurements {
  /** Core and process runs at 1,000 and 10,000 contacts, paired run by run. */
  core: Record<'small' | 'large', CoreRun[]>
  processes: Record<'small' | 'large', ProcessRun[]>
  /** Renderer runs at 100 and 10,000 contacts, paired run by run. */
  renderer: Record<'small' | 'large', RendererRun[]>
  fileBytes: Record<'tiny' | 'small' | 'large', number>
  rendererHeapBytes: number
  sizes: { tiny: number; small: number; large: number }
}

const bursts = (runs: CoreRun[]) => runs.flatMap((r) => (r.burst ? [r.burst] : []))
const round = (n: number) => Math.round(n * 100) / 100
const ratios = (pairs: { floorMs: number; subjectMs: number }[]) => pairs.map((p) => p.subjectMs / p.floorMs)
const paired = <T>(small: T[], large: T[], value: (t: T) => number) => large.map((l, i) => value(l) / value(small[i]!))

function ratioFigure(
  key: string,
  label: string,
  floor: string,
  target: number | null,
  sizes: Measurements['sizes'],
  small: { floorMs: number; subjectMs: number }[],
  large: { floorMs: number; subjectMs: number }[],
  extra: Record<string, number> = {}
): Figure {
  const samples = ratios(large)
  return {
    key,
    label,
    floor,
    target,
    unit: '×',
    value: round(median(samples)),
    small: { contacts: sizes.small, value: round(median(ratios(small))) },
    samples: samples.map(round),
    detail: { subjectMs: round(median(large.map((p) => p.subjectMs))), floorMs: round(median(large.map((p) => p.floorMs))), ...extra }
  }
}

/** Bytes as a multiple of the data file's size (median of the runs); `mib` names the bytes' MiB in the detail. */
function fileSizeFigure(
  key: string,
  label: string,
  target: number | null,
  mib: string,
  large: { bytes: number[]; fileBytes: number },
  small?: { contacts: number; bytes: number[]; fileBytes: number }
): Figure {
  return {
    key,
    label,
    floor: 'the data file’s size',
    target,
    unit: '×',
    value: round(median(large.bytes) / large.fileBytes),
    ...(small ? { small: { contacts: small.contacts, value: round(median(small.bytes) / small.fileBytes) } } : {}),
    samples: large.bytes.map((b) => round(b / large.fileBytes)),
    detail: { [mib]: round(median(large.bytes) / 2 ** 20), fileMiB: round(large.fileBytes / 2 ** 20) }
  }
}

function scalingFigure(key: string, label: string, small: number[], large: number[]): Figure {
  const samples = paired(small, large, (x) => x)
  return {
    key,
    label,
    floor: 'the same figure at 1,000 contacts',
    target: 11,
    unit: '×',
    value: round(median(samples)),
    samples: samples.map(round),
    detail: { smallMs: round(median(small)), largeMs: round(median(large)) }
  }
}

export function computeFigures(m: Measurements): Figure[] {
  const { core, processes, renderer, sizes } = m
  const figures: Figure[] = []
  const parse = 'JSON.parse(readFileSync) of the same file'
  const write = 'write-temp + fsync + rename + folder fsync of as many bytes'
  if (core.large.length) {
    figures.push(
      ratioFigure('load', 'load: open the store, build the board and the due list', parse, 1.5, sizes, core.small.map((r) => r.load), core.large.map((r) => r.load)),
      ratioFigure('due', 'due: the due list on a freshly loaded document', parse, 1, sizes, core.small.map((r) => r.due), core.large.map((r) => r.due)),
      ratioFigure('touch', 'touch: one durable logged touch, in-process', write, 1.5, sizes, core.small.map((r) => r.touch), core.large.map((r) => r.touch)),
      ratioFigure('burst', 'sequential burst: 100 touches one after another', '100 × one touch, same run', 1.2, sizes, bursts(core.small), bursts(core.large), {
        writes: median(bursts(core.large).map((b) => b.writes))
      })
    )
  }
  if (processes.large.length) {
    figures.push(
      ratioFigure('touch-process', 'touch as a process: `touchbase touch`', `the same bare write, as a process`, 2.5, sizes, processes.small.map((r) => r.touch), processes.large.map((r) => r.touch)),
      ratioFigure('due-process', 'due as a process: `touchbase due`', 'a bare parse, as a process', null, sizes, processes.small.map((r) => r.due), processes.large.map((r) => r.due))
    )
  }
  if (core.large.length) {
    const subject = (runs: CoreRun[], k: 'load' | 'due' | 'touch') => runs.map((r) => r[k].subjectMs)
    for (const k of ['load', 'due', 'touch'] as const) figures.push(scalingFigure(`scaling-${k}`, `scaling of ${k}: 10k ÷ 1k`, subject(core.small, k), subject(core.large, k)))
    const burstMs = (runs: CoreRun[]) => bursts(runs).map((b) => b.subjectMs)
    figures.push(scalingFigure('scaling-burst', 'scaling of burst: 10k ÷ 1k', burstMs(core.small), burstMs(core.large)))
  }
  if (processes.large.length) {
    figures.push(scalingFigure('scaling-touch-process', 'scaling of touch as a process: 10k ÷ 1k', processes.small.map((r) => r.touch.subjectMs), processes.large.map((r) => r.touch.subjectMs)))
    const memory = (key: 'touch' | 'due') =>
      fileSizeFigure(
        `memory-${key}`,
        `memory: peak RSS of \`touchbase ${key}\``,
        5,
        'peakRssMiB',
        { bytes: processes.large.map((r) => r[key].peakRss), fileBytes: m.fileBytes.large },
        { contacts: sizes.small, bytes: processes.small.map((r) => r[key].peakRss), fileBytes: m.fileBytes.small }
      )
    figures.push(memory('touch'), memory('due'))
  }
  if (renderer.large.length) {
    const r = renderer
    const rendererFigure = (key: 'loadMs' | 'dragMs', label: string, target: number, parts: Record<string, (run: RendererRun) => number>): Figure => {
      const samples = paired(r.small, r.large, (run) => run[key])
      const partMedians = Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, round(median(r.large.map(part)))]))
      return {
        key: `renderer-${key === 'loadMs' ? 'load' : 'drag'}`,
        label,
        floor: `the same at ${sizes.tiny} contacts`,
        target,
        unit: '×',
        value: round(median(samples)),
        samples: samples.map(round),
        detail: { tinyMs: round(median(r.small.map((x) => x[key]))), largeMs: round(median(r.large.map((x) => x[key]))), ...partMedians }
      }
    }
    const enter = r.large.map((x) => x.enterMs)
    figures.push(
      rendererFigure('loadMs', 'renderer: cold load to the first card, in Chromium', 2, {
        largeBootMs: (x) => x.loadBootMs,
        largeFetchMs: (x) => x.loadFetchMs,
        largeListServiceMs: (x) => x.loadListServiceMs,
        largeListEncodeMs: (x) => x.loadListEncodeMs,
        largeRenderMs: (x) => x.loadRenderMs
      }),
      fileSizeFigure(
        'renderer-list',
        "renderer: the window's list at start (`contacts:list`), as JSON",
        null,
        'listMiB',
        { bytes: r.large.map((x) => x.loadListBytes), fileBytes: m.fileBytes.large },
        { contacts: sizes.tiny, bytes: r.small.map((x) => x.loadListBytes), fileBytes: m.fileBytes.tiny }
      ),
      rendererFigure('dragMs', 'renderer: drag → card visible in its new column (drop → popover, Enter → card)', 1.3, {
        largeDropToPopoverMs: (x) => x.dropToPopoverMs,
        largeEnterMs: (x) => x.enterMs
      }),
      fileSizeFigure('renderer-heap', 'memory: renderer JS heap after load, after GC', null, 'heapMiB', { bytes: [m.rendererHeapBytes], fileBytes: m.fileBytes.large }),
      {
        key: 'enter',
        label: 'Enter → board updated in the UI (card in sight in its new column, count updated)',
        floor: 'none: milliseconds',
        target: 100,
        unit: 'ms',
        value: round(median(enter)),
        small: { contacts: sizes.tiny, value: round(median(r.small.map((x) => x.enterMs))) },
        samples: enter.map(round),
        detail: {
          serviceMs: round(median(r.large.map((x) => x.enterServiceMs))),
          rendererMs: round(median(r.large.map((x) => x.enterMs - x.enterServiceMs))),
          countUpdatedMs: round(median(r.large.map((x) => x.enterCountMs)))
        }
      }
    )
  }
  return figures
}

export function meets(figure: Figure): boolean | null {
  return figure.target === null ? null : figure.value <= figure.target
}
