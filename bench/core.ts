/**
 * The datastore and query figures, in this process: load, due, touch and the sequential burst,
 * each against its floor (a bare parse, or a bare durable write of the same number of bytes).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openStore, type Store } from '../src/store'
import { TouchbaseService } from '../src/service/service'
import type { Dataset } from './dataset'
import { bareDurableWrite, bareParse } from './floors'
import { pair, time, type Pair } from './measure'

const BURST = 100

export interface CoreRun {
  load: Pair
  due: Pair
  touch: Pair
  /** 100 touches one after another; its floor is 100 × this run's single touch. */
  burst?: Pair & { writes: number }
}

/** Keeps one store open per dataset for the write figures, as the app does. */
export class CoreBench {
  private store: Store | undefined
  private service: TouchbaseService | undefined
  private writes = 0
  private next = 0

  constructor(private readonly data: Dataset) {}

  private async writer(): Promise<TouchbaseService> {
    if (!this.service) {
      this.store = await openStore(this.data.dir, { onWrite: () => this.writes++ })
      this.service = new TouchbaseService(this.store)
      // The day's first write also takes the daily backup; that is not what is measured here.
      await this.touch()
    }
    return this.service
  }

  private touch(): Promise<unknown> {
    const id = this.data.ids[this.next++ % this.data.ids.length]!
    return this.service!.logTouch(id, { channel: 'email', note: 'Followed up on the proposal', outcome: 'no-reply' })
  }

  private floorParse = () => time(() => bareParse(this.data.file))

  private async floorWrite(): Promise<number> {
    const bytes = readFileSync(this.data.file)
    return time(() => bareDurableWrite(join(this.data.dir, 'floor.json'), bytes))
  }

  /** One paired run of every figure; without `burst` the burst is skipped (it is the slowest by far). */
  async run(run: number, burst = true): Promise<CoreRun> {
    const load = await pair(run, this.floorParse, async () => {
      let store: Store | undefined
      const ms = await time(async () => {
        store = await openStore(this.data.dir)
        const service = new TouchbaseService(store)
        await service.board()
        await service.due()
      })
      await store?.close()
      return ms
    })

    // The due list on a freshly loaded document: nothing computed for it before.
    const due = await pair(run, this.floorParse, async () => {
      const store = await openStore(this.data.dir)
      const ms = await time(() => new TouchbaseService(store).due())
      await store.close()
      return ms
    })

    await this.writer()
    const touch = await pair(run, () => this.floorWrite(), () => time(() => this.touch()))
    if (!burst) return { load, due, touch }
    const before = this.writes
    const burstMs = await time(async () => {
      for (let i = 0; i < BURST; i++) await this.touch()
    })
    return { load, due, touch, burst: { floorMs: BURST * touch.subjectMs, subjectMs: burstMs, writes: this.writes - before } }
  }

  async close(): Promise<void> {
    await this.store?.close()
  }
}
