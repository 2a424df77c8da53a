#!/usr/bin/env node
// Sync benchmark: two devices and pouchdb-server (in memory, 127.0.0.1). First sync of 10,000
// contacts and 100,000 touches up from one device and down to the other, then an incremental
// sync of one touch; prints times and peak memory. Not a timed test.
//   node scripts/bench-sync.mjs [contacts]
import { spawnSync } from 'node:child_process'

const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'tests/sync/bench.test.ts', '--silent=false'], {
  stdio: 'inherit',
  env: { ...process.env, TOUCHBASE_BENCH_SYNC: '1', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim(), ...(process.argv[2] ? { TOUCHBASE_BENCH_CONTACTS: process.argv[2] } : {}) }
})
process.exit(result.status ?? 1)
