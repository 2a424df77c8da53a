/**
 * What this device keeps beside each replica: the shadow (what the data file and the replica
 * agreed on at the last sync) and how far into the replica's changes that agreement goes; and,
 * once per data folder, this device's id and its hybrid logical clock.
 */
import { join } from 'node:path'
import { monotonicFactory } from 'ulid'
import { decodeHlc, encodeHlc, HLC_ZERO, isHlc, type Hlc } from '../core/sync/hlc'
import { replicaFolderName } from '../core/sync/names'
import type { ShadowContact } from '../core/sync/reconcile'
import { readJson, writeJsonAtomic } from './json-file'

export const SYNC_FOLDER = 'sync'

export const syncFolder = (dataDir: string): string => join(dataDir, SYNC_FOLDER)
export const databaseFolder = (dataDir: string, database: string): string => join(syncFolder(dataDir), replicaFolderName(database))

export interface ShadowFile {
  version: 1
  database: string
  /** The replica's update_seq up to which its changes are reflected in the data file. */
  importSeq: number | string
  /** The first sync (with its duplicate merge) has happened. */
  started: boolean
  contacts: Record<string, ShadowContact>
}

export class Shadow {
  readonly contacts: Map<string, ShadowContact>
  constructor(
    private readonly path: string,
    private file: ShadowFile
  ) {
    this.contacts = new Map(Object.entries(file.contacts))
  }

  static async load(folder: string, database: string): Promise<Shadow> {
    const path = join(folder, 'shadow.json')
    const file = await readJson<ShadowFile>(path)
    return new Shadow(path, file?.version === 1 && file.database === database ? file : { version: 1, database, importSeq: 0, started: false, contacts: {} })
  }

  get importSeq(): number | string {
    return this.file.importSeq
  }
  get started(): boolean {
    return this.file.started
  }

  async save(changes: { importSeq?: number | string; started?: boolean } = {}): Promise<void> {
    this.file = { ...this.file, ...changes, contacts: Object.fromEntries(this.contacts) }
    await writeJsonAtomic(this.path, this.file)
  }
}

interface DeviceFile {
  device: string
  clock: string
}

/** This device's id (made once per data folder) and its clock, which only moves forward. */
export class DeviceState {
  private constructor(
    private readonly path: string,
    readonly device: string,
    public clock: Hlc
  ) {}

  static async load(dataDir: string): Promise<DeviceState> {
    const path = join(syncFolder(dataDir), 'device.json')
    const file = await readJson<DeviceFile>(path)
    if (file && typeof file.device === 'string' && file.device) {
      return new DeviceState(path, file.device, isHlc(file.clock) ? decodeHlc(file.clock) : HLC_ZERO)
    }
    const state = new DeviceState(path, monotonicFactory()(), HLC_ZERO)
    await state.save()
    return state
  }

  async save(): Promise<void> {
    // Another process may have moved the clock on meanwhile; keep the later one.
    const onDisk = await readJson<DeviceFile>(this.path).catch(() => undefined)
    if (onDisk && isHlc(onDisk.clock) && onDisk.clock > encodeHlc(this.clock)) this.clock = decodeHlc(onDisk.clock)
    await writeJsonAtomic(this.path, { device: this.device, clock: encodeHlc(this.clock) } satisfies DeviceFile)
  }
}
