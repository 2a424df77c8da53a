import { defineConfig } from 'vitest/config'

// "unit" is everything but the browser tests; "tz" is the time-dependent subset that
// `npm test` runs again under other time zones; "e2e" drives the built renderer in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
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
