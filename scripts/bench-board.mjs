#!/usr/bin/env node
// Board benchmark: builds the renderer, then opens and drags a 10,000-contact board (and a
// 100-contact one for comparison) in Chromium, printing the figures. Not a timed test.
//   node scripts/bench-board.mjs [count]
import { spawnSync } from 'node:child_process'

const run = (cmd, args, env = {}) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run('npx', ['electron-vite', 'build'])
run('npx', ['vitest', 'run', '--project', 'e2e', 'tests/e2e/board-bench.test.ts', '--silent=false'], {
  TOUCHBASE_BENCH: '1',
  ...(process.argv[2] ? { TOUCHBASE_BENCH_COUNT: process.argv[2] } : {})
})
