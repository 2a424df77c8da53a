import type { Locator, Page } from 'playwright-core'

async function center(locator: Locator) {
  const box = (await locator.boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** hello-pangea starts a drag only after the pointer has moved a few pixels, in separate events. */
export async function dragWithMouse(page: Page, from: Locator, to: Locator) {
  const start = await center(from)
  const end = await center(to)
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x, start.y + 8, { steps: 4 })
  await page.waitForTimeout(120)
  await page.mouse.move(end.x, end.y - 100, { steps: 20 })
  await page.mouse.move(end.x, end.y - 90, { steps: 3 })
  await page.waitForTimeout(200)
  await page.mouse.up()
}

/** A keyboard drag one column right: Space lifts, ArrowRight moves, Space drops (with pauses for hello-pangea's animations). */
export async function dragRightWithKeyboard(page: Page, card: Locator) {
  await card.focus()
  await page.keyboard.press('Space')
  await page.waitForTimeout(150)
  await page.keyboard.press('ArrowRight')
  await page.waitForTimeout(250)
  await page.keyboard.press('Space')
}
