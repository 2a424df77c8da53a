import { spawn } from 'node:child_process'
import { open, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES } from '../../src/core/interop'
import { CLI, cliJson, runCli, tempDataDir, useCliDataDir } from './cli-harness'

/** Issue 10, item 13: the import size limit, and memory while importing a large file. */

const data = useCliDataDir()

/**
 * Runs the CLI in a child and returns its peak resident memory in bytes. V8 sizes its young
 * generation by how fast a program allocates, which would hide what is retained behind tens of
 * MB that vary by machine; a fixed 1 MB young generation leaves the peak to what is kept.
 */
function peakRss(args: string[]): Promise<number> {
  const peakFile = join(data.dir, `peak-${Math.random().toString(36).slice(2)}`)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-semi-space-size=1', '--import', join(__dirname, '../../scripts/peak-rss.mjs'), CLI, ...args], {
      env: { ...process.env, TOUCHBASE_PEAK_RSS_FILE: peakFile },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', async (code) => (code === 0 ? resolve(Number(await readFile(peakFile, 'utf8'))) : reject(new Error(`exit ${code}: ${stderr}`))))
  })
}

/** 10,000 contacts; each row also has 40 columns nothing maps, of `padding` characters each. */
async function wideCsv(path: string, padding: number): Promise<number> {
  const extra = Array.from({ length: 40 }, (_, i) => `Extra ${i}`)
  const rows = Array.from({ length: 10_000 }, (_, i) => `Person ${i},p${i}@example.com,${extra.map((_, j) => `${'x'.repeat(padding)}${i}-${j}`).join(',')}`)
  await writeFile(path, `Name,Email,${extra.join(',')}\n${rows.join('\n')}\n`)
  return (await stat(path)).size
}

describe('importing a large file', () => {
  it('streams it: memory follows the contacts kept, not the bytes read', async () => {
    // The same 10,000 contacts in a 4 MB and a 27 MB file (long unmapped columns, like an
    // Outlook export). Reading the whole text used to cost 2.3 bytes of memory per extra byte.
    const small = await wideCsv(join(data.dir, 'small.csv'), 2)
    const large = await wideCsv(join(data.dir, 'large.csv'), 60)
    expect(large / small).toBeGreaterThan(6)
    const { dir: a, cleanup: cleanA } = await tempDataDir()
    const { dir: b, cleanup: cleanB } = await tempDataDir()
    const peakSmall = await peakRss(['import', join(data.dir, 'small.csv'), '--data', a])
    const peakLarge = await peakRss(['import', join(data.dir, 'large.csv'), '--data', b])
    const extraMemoryPerExtraByte = (peakLarge - peakSmall) / (large - small)
    console.log(`import peak RSS: ${(peakSmall / 1e6).toFixed(0)} MB for ${(small / 1e6).toFixed(1)} MB, ${(peakLarge / 1e6).toFixed(0)} MB for ${(large / 1e6).toFixed(1)} MB (${extraMemoryPerExtraByte.toFixed(2)} per extra byte)`)
    expect(extraMemoryPerExtraByte).toBeLessThan(0.5)
    // Both imported every contact.
    for (const dir of [a, b]) expect(await cliJson<unknown[]>(dir, ['list'])).toHaveLength(10_000)
    await cleanA()
    await cleanB()
  }, 180_000)

  it(`refuses a file over ${MAX_IMPORT_BYTES / 1e6} MB at once, saying so, and changes nothing`, async () => {
    const { dir, cleanup } = await tempDataDir()
    const path = join(dir, 'huge.csv')
    const file = await open(path, 'w')
    await file.write('Name\nAda\n')
    await file.truncate(MAX_IMPORT_BYTES + 1_000_000)
    await file.close()
    const result = await runCli(['import', path, '--data', dir])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`touchbase: ${path} is 51 MB; Touchbase imports files up to 50 MB. Nothing was imported. Split the file, or export fewer fields (a vCard export with photos is the usual culprit).\n`)
    expect(await cliJson<unknown[]>(dir, ['list'])).toEqual([])
    await cleanup()
  })
})
