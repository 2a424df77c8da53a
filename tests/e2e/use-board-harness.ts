import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launchChromium, startHarness, type Harness, type HarnessOptions } from './harness'

/**
 * One Chromium for a whole test file and a fresh harness (data folder, page) per test, closed
 * after it. Returns `open`, which starts the harness and waits for the board.
 */
export function useBoardHarness(): (options?: Omit<HarnessOptions, 'browser'>) => Promise<Harness> {
  let browser: Browser | undefined
  let harness: Harness | null = null
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())
  afterEach(async () => {
    await harness?.close()
    harness = null
  })
  return async (options = {}) => {
    harness = await startHarness({ ...options, ...(browser ? { browser } : {}) })
    await harness.page.getByTestId('board').waitFor()
    return harness
  }
}
