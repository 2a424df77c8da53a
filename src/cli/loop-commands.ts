import { readFile } from 'node:fs/promises'
import { Command, InvalidArgumentError, Option } from 'commander'
import { LANGUAGES, resolveLanguage } from '../shared/i18n'
import { PLAYBOOK_TOUCHES, WEEKDAYS, type PlaybookTouch, type SettingsPatch, type Weekday } from '../core/model'
import type { TouchbaseService } from '../service'
import type { CliIo } from './program'
import { runBlockInTerminal } from './block-terminal'
import { resolveContactRef } from './contact-ref'
import { planText, plural, settingsText } from './format'

interface LoopCommandContext {
  io: CliIo
  withService: <T>(cmd: Command, run: (service: TouchbaseService, opts: Record<string, unknown> & { json?: boolean }) => Promise<T>) => Promise<T>
  print: (json: boolean | undefined, value: unknown, text: () => string) => void
}

function wholeNumber(name: string, min: number, max: number) {
  return (value: string) => {
    const n = Number(value)
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`)
    return n
  }
}

/** "mo,tu,we" → ["MO", "TU", "WE"], refusing anything else. */
function weekdays(value: string): Weekday[] {
  const days = value.split(',').map((d) => d.trim().toUpperCase()).filter(Boolean)
  const bad = days.filter((d) => !(WEEKDAYS as readonly string[]).includes(d))
  if (bad.length || days.length === 0) throw new InvalidArgumentError(`expected days like MO,TU,WE,TH,FR (from ${WEEKDAYS.join(',')})`)
  return [...new Set(days)] as Weekday[]
}

function numberList(value: string): number[] {
  const list = value.split(',').map((d) => Number(d.trim()))
  if (list.some((n) => !Number.isInteger(n))) throw new InvalidArgumentError('expected whole numbers separated by commas, e.g. 2,3,5,7,14,30')
  return list
}

/** The language for texts the CLI fills in (ideas, templates): the setting, or the OS locale. */
export async function cliLanguage(service: TouchbaseService, env: CliIo['env']) {
  const settings = await service.settings()
  return resolveLanguage(settings.language, env.LC_ALL || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale)
}

/** The daily loop's commands: block, plan, spread, unspread, settings, delete, playbook, message. */
export function addLoopCommands(program: Command, { io, withService, print }: LoopCommandContext): void {
  program
    .command('block')
    .description('a follow-up block in this terminal: one contact at a time, single keys, a timer')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service) => {
        if (!io.terminal) throw new Error('touchbase block needs a terminal.')
        await runBlockInTerminal(service, io.terminal)
      })
    )

  program
    .command('plan')
    .description('expected follow-ups per day against your daily capacity')
    .option('--days <n>', 'how many days ahead', wholeNumber('--days', 1, 92), 14)
    .option('--json', 'machine-readable output')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const plan = await service.plan(o.days as number)
        print(o.json, plan, () => planText(plan))
      })
    )

  program
    .command('spread')
    .description('snooze the overdue backlog and over-capacity days across the next workdays')
    .option('--days <n>', 'how many days to spread over', wholeNumber('--days', 1, 92), 14)
    .option('--dry-run', 'show the moves; change nothing')
    .option('--json', 'machine-readable output (keep it to undo with touchbase unspread FILE)')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const result = await service.spread({ days: o.days as number, dryRun: Boolean(o.dryRun) })
        const { contacts: _contacts, ...json } = result
        print(o.json, json, () => {
          if (result.moves.length === 0) return 'Nothing to move: no day is over capacity and nothing is overdue beyond today.'
          const lines = [
            `${result.dryRun ? 'Would move' : 'Moved'} ${plural(result.moves.length, 'follow-up')} (capacity ${result.capacity} a day):`,
            ...result.moves.map((m) => `  ${m.id.padEnd(11)} ${m.name.padEnd(30)} ${m.from} → ${m.to}`)
          ]
          if (!result.dryRun) lines.push('To be able to undo it, run spread with --json > moves.json; then: touchbase unspread moves.json')
          return lines.join('\n')
        })
      })
    )

  program
    .command('unspread')
    .description('undo a spread: give back each contact the date it had, unless it changed since')
    .argument('<file>', 'what touchbase spread --json printed')
    .option('--json', 'machine-readable output')
    .action(async (file: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
          throw new Error(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`)
        })
        let moves: unknown
        try {
          moves = (JSON.parse(text) as { moves?: unknown }).moves
        } catch {
          throw new Error(`${file} is not the JSON touchbase spread --json prints`)
        }
        const result = await service.unspread(moves as never)
        const { contacts: _contacts, ...json } = result
        print(o.json, json, () => `Put back ${plural(result.restored.length, 'follow-up')}${result.skipped.length ? `; left ${result.skipped.length} alone (changed since, or gone)` : ''}.`)
      })
    )

  program
    .command('settings')
    .description('show or change the settings')
    .option('--workdays <days>', 'the days you follow up, e.g. MO,TU,WE,TH,FR', weekdays)
    .option('--capacity <n>', 'follow-ups a day the planner and spread aim for', wholeNumber('--capacity', 1, 500))
    .addOption(new Option('--block-minutes <minutes>', 'how long a follow-up block runs').choices(['15', '30', '45']))
    .option('--escalation <days>', 'the default cadence: days to wait after 0, 1, 2, 3, 4 and 5+ touches, e.g. 2,3,5,7,14,30', numberList)
    .option('--reminder <rrule>', 'when the daily reminder fires, e.g. "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0"')
    .addOption(new Option('--language <language>', 'the app language').choices(['system', ...LANGUAGES]))
    .addOption(new Option('--theme <theme>', 'the app theme').choices(['system', 'light', 'dark']))
    .option('--start-at-login', 'start Touchbase when you log in')
    .option('--no-start-at-login', 'do not start Touchbase at login')
    .option('--quick-log-shortcut <accelerator>', 'the global shortcut for the quick-log window, e.g. CommandOrControl+Shift+L')
    .option('--json', 'machine-readable output')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const patch: SettingsPatch = {
          ...(o.workdays ? { workdays: o.workdays as Weekday[] } : {}),
          ...(o.capacity !== undefined ? { dailyCapacity: o.capacity as number } : {}),
          ...(o.blockMinutes ? { blockMinutes: Number(o.blockMinutes) as 15 | 30 | 45 } : {}),
          ...(o.escalation ? { escalationDays: o.escalation as number[] } : {}),
          ...(o.reminder ? { reminderRule: String(o.reminder) } : {}),
          ...(o.language ? { language: o.language as 'system' | 'en' | 'zh-CN' } : {}),
          ...(o.theme ? { theme: o.theme as 'system' | 'light' | 'dark' } : {}),
          ...(cmd.getOptionValueSource('startAtLogin') === 'cli' ? { startAtLogin: Boolean(o.startAtLogin) } : {}),
          ...(o.quickLogShortcut ? { quickLogShortcut: String(o.quickLogShortcut) } : {})
        }
        const settings = Object.keys(patch).length ? await service.updateSettings(patch) : await service.settings()
        print(o.json, settings, () => settingsText(settings))
      })
    )

  program
    .command('delete')
    .description('delete a contact and its touches for good')
    .argument('<id>', 'the id, or a name that matches one contact')
    .option('--json', 'print the deleted contact as JSON (import it back with touchbase restore of a backup)')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const deleted = await service.deleteContact(await resolveContactRef(service, id))
        const touches = deleted.touches.length ? ` and ${deleted.touches.length === 1 ? 'its touch' : `its ${deleted.touches.length} touches`}` : ''
        print(o.json, deleted, () => `Deleted ${deleted.name}${touches}. The backups in the data folder still have it.`)
      })
    )

  program
    .command('playbook')
    .description('ideas and message templates per touch number; change one with --touch N and --idea/--subject/--body')
    .addOption(new Option('--touch <n>', 'which touch number (5 means 5 or later)').choices([...PLAYBOOK_TOUCHES]))
    .option('--idea <text>', 'the idea for that touch')
    .option('--subject <text>', 'the message subject; {name} {org} {subject} {promisedBy} are filled in')
    .option('--body <text>', 'the message body, with the same placeholders')
    .option('--reset', 'back to the built-in texts for that touch (or all, without --touch)')
    .option('--json', 'machine-readable output')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const touch = o.touch as PlaybookTouch | undefined
        const edits = Object.fromEntries((['idea', 'subject', 'body'] as const).filter((k) => o[k] !== undefined).map((k) => [k, String(o[k])]))
        if (Object.keys(edits).length && !touch) throw new Error('say which touch with --touch 1..5')
        if (Object.keys(edits).length || o.reset) {
          const own = { ...(await service.settings()).playbook }
          if (o.reset && !touch) for (const k of Object.keys(own)) delete own[k as PlaybookTouch]
          else if (o.reset) delete own[touch!]
          else own[touch!] = { ...own[touch!], ...edits }
          await service.updateSettings({ playbook: own })
        }
        const entries = await service.playbook(await cliLanguage(service, io.env))
        print(o.json, entries, () =>
          entries
            .map((e) => [`Touch ${e.touch}${e.touch === '5' ? '+' : ''}${Object.values(e.custom).some(Boolean) ? ' (your own)' : ''}`, `  idea: ${e.idea}`, `  subject: ${e.subject}`, `  body: ${e.body.replace(/\n/g, '\n        ')}`].join('\n'))
            .join('\n\n')
        )
      })
    )

  program
    .command('message')
    .description("the idea and the filled-in message template for a contact's next touch")
    .argument('<id>', 'the id, or a name that matches one contact')
    .option('--json', 'machine-readable output')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const message = await service.message(await resolveContactRef(service, id), await cliLanguage(service, io.env))
        print(o.json, message, () => [`Idea for touch ${message.touch}: ${message.idea}`, '', `Subject: ${message.subject}`, '', message.body, ...(message.mailto ? ['', message.mailto] : [])].join('\n'))
      })
    )
}
