/**
 * The renderer in Chromium (Debian's, through playwright-core, as the browser tests run it),
 * against the real service on a generated data folder: cold load, a mouse drag with the log
 * popover confirmed by Enter, and the heap. Times are taken inside the page.
 */
import type { Browser, Page } from 'playwright-core'
import { startHarness, type Harness } from '../tests/e2e/harness'
import { dragWithMouse } from '../tests/e2e/drag'
import { generateDocument } from './generate'

export interface RendererRun {
  /** Navigation start → the first card on screen. */
  loadMs: number
  /** Of loadMs: the renderer's contacts:list and settings:get calls (service + transport). */
  loadFetchMs: number
  /** Of loadMs: before those calls (loading and starting the renderer's code). */
  loadBootMs: number
  /** Of loadMs: after those calls, until the first card is in the page. */
  loadRenderMs: number
  /** Of loadFetchMs: contacts:list in main's side (guard, handler, service), and encoding its answer. */
  loadListServiceMs: number
  loadListEncodeMs: number
  /** The size of contacts:list's answer, in UTF-8 JSON. */
  loadListBytes: number
  /** Mouse released over the next column → the log popover on screen. */
  dropToPopoverMs: number
  /** Enter in the popover → the card visible in its new column, the column's count updated; NaN when the card never came into sight. */
  enterMs: number
  /** Enter in the popover → the new column's count updated, whether or not the card is in sight. */
  enterCountMs: number
  /** Of enterMs: the touch:log call, from the renderer's invoke to its answer (service + transport). */
  enterServiceMs: number
  /** dropToPopoverMs + enterMs: what the person waits for in one drag, minus their own typing. */
  dragMs: number
}

/**
 * Installed before each drag. Records, with performance.now() inside the page: mouseup, the
 * popover appearing, the Enter keydown, the touch:log round trip (service and the harness's
 * transport), the new count shown, and the first frame in which the card is wholly inside its
 * new column's visible area with the new count shown.
 */
const PROBE = `(({ id, listId, countTestId, count }) => {
  const p = (window.__probe = { mouseup: 0, popover: 0, enter: 0, callStart: 0, callEnd: 0, counted: 0, updated: 0 })
  addEventListener('mouseup', () => (p.mouseup = performance.now()), { capture: true, once: true })
  addEventListener('keydown', (e) => { if (e.key === 'Enter' && !p.enter) p.enter = performance.now() }, { capture: true })
  // The preload's invoke calls the harness's binding at call time, so wrapping it times the call.
  const binding = window.__tbBinding ?? (window.__tbBinding = window.__tbInvoke)
  window.__tbInvoke = async (channel, args) => {
    const timed = channel === 'touch:log' && !p.callStart
    if (timed) p.callStart = performance.now()
    try { return await binding(channel, args) } finally { if (timed) p.callEnd = performance.now() }
  }
  const counted = () => document.querySelector('[data-testid="' + countTestId + '"]')?.textContent === String(count)
  const landed = () => {
    const list = document.querySelector('[data-list-id="' + listId + '"]')
    const card = list && list.querySelector('[data-card-id="' + id + '"]')
    if (!card || !counted()) return false
    const r = card.getBoundingClientRect(), l = list.getBoundingClientRect()
    return r.top >= l.top && r.bottom <= l.bottom
  }
  const check = () => {
    if (!p.popover && document.querySelector('[data-testid="log-touch"]')) p.popover = performance.now()
    if (p.enter && !p.counted && counted()) p.counted = performance.now()
    if (p.enter && !p.updated && landed()) {
      p.updated = -1
      requestAnimationFrame(() => (p.updated = performance.now()))
    }
  }
  const observer = new MutationObserver(check)
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  document.addEventListener('scroll', check, { capture: true })
})`

const VISIBLE = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-card-id]')) return
    performance.mark('board-visible')
    observer.disconnect()
  })
  observer.observe(document, { childList: true, subtree: true })
})()`

interface Probe {
  mouseup: number
  popover: number
  enter: number
  callStart: number
  callEnd: number
  counted: number
  updated: number
}

type LoadKey = 'loadMs' | 'loadFetchMs' | 'loadBootMs' | 'loadRenderMs' | 'loadListServiceMs' | 'loadListEncodeMs' | 'loadListBytes'

/** How long the card may stay out of sight after its column's count changed before the run says "never". */
const NEVER_IN_SIGHT_MS = 3_000

export class RendererBench {
  private moves = 0

  private constructor(private readonly harness: Harness) {}

  static async open(browser: Browser, contacts: number, now: Date): Promise<RendererBench> {
    const harness = await startHarness({ browser, seed: (_service, store) => store.replace(generateDocument({ contacts, now })) })
    await harness.page.addInitScript(VISIBLE)
    await harness.page.locator('[data-card-id]').first().waitFor()
    return new RendererBench(harness)
  }

  private get page(): Page {
    return this.harness.page
  }

  get dataFile(): string {
    return this.harness.dataFile
  }

  async run(): Promise<RendererRun> {
    return { ...(await this.coldLoad()), ...(await this.drag()) }
  }

  /** Navigation start → first card, on a fresh page load (the service already has the file open, as the app's main process does). */
  private async coldLoad(): Promise<Pick<RendererRun, LoadKey>> {
    const answered = this.harness.answers.length
    await this.page.reload()
    await this.page.locator('[data-card-id]').first().waitFor()
    const [loadMs, start, end] = (await this.page.evaluate<number[]>(
      `['board-visible', 'touchbase:fetch-start', 'touchbase:fetch-end'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN)`
    )) as [number, number, number]
    const list = this.harness.answers.slice(answered).find((a) => a.channel === 'contacts:list')
    if (!list) throw new Error('the page loaded without calling contacts:list')
    return {
      loadMs,
      loadFetchMs: end - start,
      loadBootMs: start,
      loadRenderMs: loadMs - end,
      loadListServiceMs: list.serviceMs,
      loadListEncodeMs: list.encodeMs,
      loadListBytes: list.bytes
    }
  }

  /** Drags the first card of a column (0…3, in turn) one column right and confirms the popover with Enter. */
  private async drag(): Promise<Omit<RendererRun, LoadKey>> {
    const page = this.page
    let from = -1
    for (let i = 0; i < 4 && from < 0; i++) {
      const column = (this.moves + i) % 4
      if (Number(await page.getByTestId(`column-count-${column}`).textContent()) > 0) from = column
    }
    this.moves++
    if (from < 0) throw new Error('no card to drag in columns 0–3')
    const to = from + 1
    // The first rendered card is the first one on screen only while the list is at its top.
    await page.locator(`[data-list-id="col-${from}"]`).evaluate((list) => list.scrollTo(0, 0))
    const card = page.locator(`[data-list-id="col-${from}"] [data-card-id]`).first()
    const id = await card.getAttribute('data-card-id')
    const count = Number(await page.getByTestId(`column-count-${to}`).textContent()) + 1
    await page.evaluate(`${PROBE}(${JSON.stringify({ id, listId: `col-${to}`, countTestId: `column-count-${to}`, count })})`)
    await dragWithMouse(page, card, page.getByTestId(`column-${to}`))
    await page.getByTestId('log-touch').waitFor()
    await page.keyboard.press('Enter')
    await page.waitForFunction(
      (never) => {
        const p = (globalThis as unknown as { __probe: Probe }).__probe
        return p.updated > 0 || (p.counted > 0 && performance.now() - p.counted > never)
      },
      NEVER_IN_SIGHT_MS,
      { timeout: 60_000 }
    )
    const p = await page.evaluate<Probe>('window.__probe')
    // Let the highlight finish so the next run starts from a quiet board.
    await page.waitForTimeout(300)
    const dropToPopoverMs = p.popover - p.mouseup
    const enterMs = p.updated > 0 ? p.updated - p.enter : Number.NaN
    return { dropToPopoverMs, enterMs, enterCountMs: p.counted - p.enter, enterServiceMs: p.callEnd - p.callStart, dragMs: dropToPopoverMs + enterMs }
  }

  /** The page's JavaScript heap after a fresh load and a full garbage collection. */
  async heapAfterLoad(): Promise<number> {
    await this.coldLoad()
    const cdp = await this.page.context().newCDPSession(this.page)
    try {
      await cdp.send('HeapProfiler.collectGarbage')
      return (await cdp.send('Runtime.getHeapUsage')).usedSize
    } finally {
      await cdp.detach()
    }
  }

  close(): Promise<void> {
    return this.harness.close()
  }
}
