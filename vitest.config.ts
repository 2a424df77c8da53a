import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Main-process tests run electron/main against a test double of the `electron` module, as
// Electron Fiddle's tests do; nothing else in these projects may load the real one.
const electronDouble = { find: /^electron$/, replacement: fileURLToPath(new URL('./tests/main/electron-double.ts', import.meta.url)) }

// "unit" is everything but the browser tests; "tz" is the time-dependent subset that
// `npm test` runs again under other time zones; "e2e" drives the built renderer in Chromium.
export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      include: ['electron/**'],
      reporter: ['text', 'json-summary'],
      reportsDirectory: 'coverage',
      // At most this many executable lines of electron/ that no test runs (issue 8).
      thresholds: { lines: -40 }
    },
    projects: [
      {
        resolve: { alias: [electronDouble] },
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000
        }
      },
      {
        resolve: { alias: [electronDouble] },
        test: {
          name: 'tz',
          include: ['tests/core/**/*.test.ts', 'tests/main/**/*.test.ts'],
          environment: 'node'
        }
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false
        }
      }
    ]
  }
})
