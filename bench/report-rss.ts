/**
 * Loaded with `node --import` into a measured process: on exit, writes the process's peak
 * resident set size (bytes) to $TOUCHBASE_BENCH_RSS_FILE. Node reports it from getrusage, so no
 * tool outside the repository is needed.
 */
import { writeFileSync } from 'node:fs'

const out = process.env.TOUCHBASE_BENCH_RSS_FILE
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS * 1024)))
