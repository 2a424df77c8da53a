import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { APP_BUNDLE, CLI_BUNDLE, ensureFresh, isFresh, type BundleSpec } from '../fresh-build'

/** A one-file "bundle" whose build appends a line, so each build can be counted. */
const spec: BundleSpec = {
  name: 'toy',
  outputs: ['out/toy.txt'],
  inputs: ['src'],
  build: ['-e', "require('fs').appendFileSync('out/toy.txt', 'built\\n')"]
}

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'touchbase-fresh-'))
  await mkdir(join(root, 'src', 'deep'), { recursive: true })
  await writeFile(join(root, 'src', 'deep', 'a.ts'), 'export const a = 1')
})
afterEach(() => rm(root, { recursive: true, force: true }))

const builds = async () => (await readFile(join(root, 'out/toy.txt'), 'utf8')).split('\n').filter(Boolean).length
const touch = (path: string, secondsFromNow: number) => {
  const when = new Date(Date.now() + secondsFromNow * 1000)
  return utimes(path, when, when)
}

describe('tests never run a stale bundle', () => {
  it('builds a missing bundle, leaves a fresh one alone, and rebuilds when a source is newer', async () => {
    await ensureFresh(spec, root)
    expect(await builds()).toBe(1)
    await ensureFresh(spec, root)
    expect(await builds()).toBe(1)

    // The bundle was built a minute ago and a file deep in the sources was edited since.
    await touch(join(root, 'out/toy.txt'), -60)
    await touch(join(root, 'src', 'deep', 'a.ts'), -30)
    expect(isFresh(spec, root)).toBe(false)
    await ensureFresh(spec, root)
    expect(await builds()).toBe(2)
  })

  it('builds once when several test files ask at the same time', async () => {
    await Promise.all([ensureFresh(spec, root), ensureFresh(spec, root), ensureFresh(spec, root)])
    expect(await builds()).toBe(1)
  })

  it('watches every source the real bundles are built from', () => {
    expect(APP_BUNDLE.inputs).toEqual(expect.arrayContaining(['src', 'electron', 'electron.vite.config.ts', 'package.json']))
    expect(CLI_BUNDLE.inputs).toEqual(expect.arrayContaining(['src/cli', 'src/service', 'src/store', 'src/core', 'src/shared', 'vite.cli.config.ts']))
  })
})
