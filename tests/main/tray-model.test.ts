import { describe, expect, it } from 'vitest'
import { buildTrayModel, TRAY_CONTACTS_SHOWN, type TrayContact } from '../../electron/main/tray-model'

function due(n: number): TrayContact[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `c${i + 1}`,
    name: `Person ${i + 1}`,
    dueState: i === 0 ? 'overdue' : 'today',
    dueInDays: i === 0 ? -3 : 0
  }))
}

describe('buildTrayModel', () => {
  it('shows the idle icon, a "nothing due" tooltip and a disabled follow-up block when nothing is due', () => {
    const model = buildTrayModel({ due: [], language: 'en', startAtLogin: false })
    expect(model.iconState).toBe('idle')
    expect(model.tooltip).toBe('Touchbase: nothing due')
    expect(model.title).toBe('')
    expect(model.menu.filter((e) => e.type === 'contact')).toHaveLength(0)
    expect(model.menu[0]).toEqual({ type: 'header', label: 'Nothing due' })
    expect(model.menu).toContainEqual({ type: 'action', action: 'start-block', label: 'Start follow-up block', enabled: false })
    expect(model.menu).toContainEqual({ type: 'action', action: 'quick-log', label: 'Log a touch…', enabled: true })
    expect(model.menu).toContainEqual({ type: 'checkbox', action: 'toggle-start-at-login', label: 'Start at login', checked: false })
  })

  it('switches to the due icon with the count in the tooltip and one entry per due contact', () => {
    const model = buildTrayModel({ due: due(3), language: 'en', startAtLogin: true })
    expect(model.iconState).toBe('due')
    expect(model.tooltip).toBe('Touchbase: 3 follow-ups due')
    expect(model.title).toBe('3')
    expect(model.menu.slice(0, 4)).toEqual([
      { type: 'header', label: 'Due now (3)' },
      { type: 'contact', contactId: 'c1', label: 'Person 1 · 3 days overdue' },
      { type: 'contact', contactId: 'c2', label: 'Person 2 · due today' },
      { type: 'contact', contactId: 'c3', label: 'Person 3 · due today' }
    ])
    expect(model.menu).toContainEqual({ type: 'checkbox', action: 'toggle-start-at-login', label: 'Start at login', checked: true })
  })

  it('says the data file needs attention when it cannot be read, in both languages', () => {
    const model = buildTrayModel({ due: [], language: 'en', startAtLogin: true, dataProblem: true })
    expect(model.tooltip).toBe('Touchbase: your data file needs attention')
    expect(model.menu[0]).toEqual({ type: 'header', label: 'Your data file needs attention' })
    expect(model.menu).toContainEqual({ type: 'action', action: 'open-window', label: 'Open Touchbase', enabled: true })
    expect(buildTrayModel({ due: [], language: 'zh-CN', startAtLogin: false, dataProblem: true }).tooltip).toBe('Touchbase：数据文件需要处理')
  })

  it('uses the singular for one follow-up and one day', () => {
    const model = buildTrayModel({ due: [{ id: 'a', name: 'Ada', dueState: 'overdue', dueInDays: -1 }], language: 'en', startAtLogin: false })
    expect(model.tooltip).toBe('Touchbase: 1 follow-up due')
    expect(model.menu[1]).toEqual({ type: 'contact', contactId: 'a', label: 'Ada · 1 day overdue' })
  })

  it(`lists at most ${TRAY_CONTACTS_SHOWN} contacts and one "more" entry that opens the due list`, () => {
    const model = buildTrayModel({ due: due(14), language: 'en', startAtLogin: false })
    const contacts = model.menu.filter((e) => e.type === 'contact')
    expect(contacts).toHaveLength(10)
    expect(contacts.at(-1)).toMatchObject({ contactId: 'c10' })
    expect(model.menu).toContainEqual({ type: 'action', action: 'open-due', label: '4 more…', enabled: true })
    expect(model.tooltip).toBe('Touchbase: 14 follow-ups due')
  })

  it('has the fixed actions in order, with Quit last', () => {
    const model = buildTrayModel({ due: due(1), language: 'en', startAtLogin: false })
    const actions = model.menu.flatMap((e) => (e.type === 'action' || e.type === 'checkbox' ? [[e.action, e.label]] : []))
    expect(actions).toEqual([
      ['start-block', 'Start follow-up block'],
      ['quick-log', 'Log a touch…'],
      ['snooze-reminder', "Snooze today's reminder 1 hour"],
      ['open-window', 'Open Touchbase'],
      ['toggle-start-at-login', 'Start at login'],
      ['quit', 'Quit Touchbase']
    ])
    expect(model.menu.at(-1)).toMatchObject({ type: 'action', action: 'quit' })
  })

  it('is localised in zh-CN', () => {
    const model = buildTrayModel({ due: due(2), language: 'zh-CN', startAtLogin: true })
    expect(model.tooltip).toBe('Touchbase：2 个跟进到期')
    expect(model.menu.slice(0, 3)).toEqual([
      { type: 'header', label: '现在到期（2）' },
      { type: 'contact', contactId: 'c1', label: 'Person 1 · 逾期 3 天' },
      { type: 'contact', contactId: 'c2', label: 'Person 2 · 今天到期' }
    ])
    const labels = model.menu.flatMap((e) => ('label' in e ? [e.label] : []))
    expect(labels).toEqual(expect.arrayContaining(['开始集中跟进', '记录一次跟进…', '今天的提醒推迟 1 小时', '打开 Touchbase', '登录时启动', '退出 Touchbase']))
    expect(buildTrayModel({ due: [], language: 'zh-CN', startAtLogin: false }).tooltip).toBe('Touchbase：没有到期的跟进')
  })

  it('escapes "&" so Windows and Linux menus do not take it as a mnemonic', () => {
    const model = buildTrayModel({ due: [{ id: 'x', name: 'Smith & Co', dueState: 'today', dueInDays: 0 }], language: 'en', startAtLogin: false })
    expect(model.menu[1]).toMatchObject({ label: 'Smith && Co · due today' })
  })
})
