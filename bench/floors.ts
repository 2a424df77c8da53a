/**
 * The floors every figure is divided by: the least work the same job could possibly take on
 * this machine, written without any of Touchbase's code. Also a script, so a floor can be timed
 * as a process exactly like the CLI:  node out/bench/floors.js parse FILE | write FILE BYTES
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** A bare read and parse of the data file. */
export function bareParse(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** A bare durable write: write a temp file, fsync it, rename it over `file`, fsync the folder. */
export function bareDurableWrite(file: string, bytes: Uint8Array): void {
  const temp = join(dirname(file), `.floor-${process.pid}.tmp`)
  const fd = openSync(temp, 'w', 0o600)
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, file)
  const dir = openSync(dirname(file), 'r')
  try {
    fsyncSync(dir)
  } finally {
    closeSync(dir)
  }
}

const [, script, what, file, size] = process.argv
if (script?.endsWith('floors.js') && file) {
  if (what === 'parse') bareParse(file)
  else if (what === 'write') bareDurableWrite(file, Buffer.alloc(Number(size), 0x20))
  else throw new Error(`unknown floor: ${what}`)
}
