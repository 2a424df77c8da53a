// Preloaded into a CLI child (node --import) to report its peak resident memory as it exits.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.TOUCHBASE_PEAK_RSS_FILE) writeFileSync(process.env.TOUCHBASE_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS * 1024))
})
