/** Settings in Chromium against the real service: every daily-loop setting lands in the data file. */
import { describe, expect, it } from 'vitest'
import { useBoardHarness } from './harness'
import { en } from './catalogs'
import { seedDemo } from './seed'

const open = useBoardHarness()

describe('settings', () => {
  it('sets start at login, the reminder time and days, block length, workdays, capacity and the shortcut', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store, { contacts: [] }) })
    const { page } = h
    await page.getByTestId('open-settings').click()
    const dialog = page.getByTestId('settings')
    await dialog.waitFor()
    // The raw rule is tucked away; the picker shows 09:00 on weekdays.
    expect(await dialog.getByTestId('reminder-rule').isVisible()).toBe(false)
    await expect(dialog.getByTestId('reminder-time').inputValue()).resolves.toBe('09:00')

    await dialog.getByTestId('start-at-login').check()
    await dialog.getByTestId('reminder-time').fill('08:30')
    await dialog.getByTestId('reminder-days').locator('[data-day=SA]').click()
    await expect(dialog.locator('.cadence-preview li').first().textContent()).resolves.toMatch(/8:30/)
    await dialog.locator('label', { has: page.getByTestId('block-15') }).click()
    expect(await dialog.getByTestId('block-15').isChecked()).toBe(true)
    await dialog.getByTestId('workdays').locator('[data-day=FR]').click()
    await dialog.getByTestId('capacity').fill('20')

    const shortcut = dialog.getByTestId('shortcut-input')
    await shortcut.focus()
    await expect(shortcut.inputValue()).resolves.toBe(en.settings.shortcutRecording)
    await page.keyboard.press('Shift+K')
    await expect(dialog.locator('#shortcut-help').textContent()).resolves.toBe(en.settings.shortcutProblem['needs-modifier'])
    await page.keyboard.press('Control+Alt+K')
    await expect(shortcut.inputValue()).resolves.toBe('Ctrl+Alt+K')

    await dialog.locator('summary').click()
    await expect(dialog.getByTestId('reminder-rule').inputValue()).resolves.toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA;BYHOUR=8;BYMINUTE=30;BYSECOND=0')

    await dialog.getByTestId('save-settings').click()
    await dialog.waitFor({ state: 'detached' })
    const saved = (await h.readData()).settings
    expect(saved).toMatchObject({
      startAtLogin: true,
      reminderRule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA;BYHOUR=8;BYMINUTE=30;BYSECOND=0',
      blockMinutes: 15,
      workdays: ['MO', 'TU', 'WE', 'TH'],
      dailyCapacity: 20,
      quickLogShortcut: 'CommandOrControl+Alt+K'
    })
  })

  it('keeps a custom reminder rule until the picker replaces it, and refuses a bad capacity', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store, { contacts: [] }) })
    await h.service.updateSettings({ reminderRule: 'FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9,15' })
    await h.page.reload()
    const { page } = h
    await page.getByTestId('open-settings').click()
    const dialog = page.getByTestId('settings')
    await expect(dialog.textContent()).resolves.toContain(en.settings.reminderCustom)
    await dialog.getByTestId('capacity').fill('0')
    await dialog.getByTestId('save-settings').click()
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain(en.settings.capacity)
    expect((await h.readData()).settings.reminderRule).toBe('FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9,15')
    await dialog.getByTestId('capacity').fill('12')
    await dialog.getByTestId('save-settings').click()
    await dialog.waitFor({ state: 'detached' })
    expect((await h.readData()).settings).toMatchObject({ reminderRule: 'FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9,15', dailyCapacity: 12 })
  })

  it('edits the idea and template for touch 2: the popover shows the idea, the mail link the filled-in subject', async () => {
    const h = await open({ seed: (_s, store) => seedDemo(store) })
    const { page } = h
    await page.getByTestId('open-settings').click()
    const dialog = page.getByTestId('settings')
    await dialog.locator('label', { has: page.getByTestId('playbook-touch-2') }).click()
    await expect(dialog.getByTestId('playbook-idea').getAttribute('placeholder')).resolves.toMatch(/^Share something useful/)
    await dialog.getByTestId('playbook-idea').fill('Send the case study from the Berlin rollout')
    await dialog.getByTestId('playbook-subject').fill('Following up on {subject}')
    await dialog.getByTestId('save-settings').click()
    await dialog.waitFor({ state: 'detached' })
    expect((await h.readData()).settings.playbook).toEqual({ '2': { idea: 'Send the case study from the Berlin rollout', subject: 'Following up on {subject}' } })

    // Lucas Moreau has had one touch: his next is touch 2.
    const lucas = page.locator('[data-card-id]').filter({ hasText: 'Lucas Moreau' })
    await lucas.focus()
    await page.keyboard.press('t')
    await expect(page.getByTestId('log-touch').getByTestId('next-idea').textContent()).resolves.toContain('Send the case study from the Berlin rollout')
    await page.keyboard.press('Escape')
    await lucas.click()
    const href = await page.getByTestId('contact-detail').getByTestId('mailto-message').getAttribute('href')
    expect(href).toMatch(/^mailto:lucas@verre\.fr\?/)
    expect(decodeURIComponent(href!)).toContain('subject=Following up on Quote for the glass facade')
  })
})
