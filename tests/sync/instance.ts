import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openService } from '../../src/service'
import type { TouchbaseService } from '../../src/service/service'
import type { Store } from '../../src/store'
import { runSync, type SyncReport } from '../../src/sync'

/** One app instance: its own data folder, store, service and replicas. */
export class Instance {
  private constructor(
    readonly name: string,
    readonly dir: string,
    readonly service: TouchbaseService,
    readonly store: Store,
    private readonly password: string
  ) {}

  /** `now` pins the instance's clock (to share one with an app under test); else the real time. */
  static async open(name: string, config: { server: string; user: string; password: string; boards?: string[]; now?: Date }): Promise<Instance> {
    const dir = await mkdtemp(join(tmpdir(), `touchbase-${name}-`))
    const now = config.now
    const { service, store } = await openService(dir, now ? { now: () => now } : {})
    await service.updateSettings({ sync: { server: config.server, user: config.user, boards: config.boards ?? [] } })
    return new Instance(name, dir, service, store, config.password)
  }

  sync(options: { password?: string; preview?: boolean } = {}): Promise<SyncReport> {
    return runSync({ service: this.service, dataDir: this.dir, password: options.password ?? this.password, busyTimeoutMs: 5_000, ...(options.preview ? { preview: true } : {}) })
  }

  async contacts() {
    return (await this.store.read()).contacts
  }

  async contact(id: string) {
    const found = (await this.contacts()).find((c) => c.id === id)
    if (!found) throw new Error(`${this.name} has no contact ${id}`)
    return found
  }

  async close(): Promise<void> {
    await this.store.close()
    await rm(this.dir, { recursive: true, force: true })
  }
}
