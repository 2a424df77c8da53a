import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { homedir } from 'node:os'
import { Command, InvalidArgumentError, Option } from 'commander'
import { CHANNELS, CONTACT_KINDS, EXIT_STATUSES, OUTCOMES, type ContactPatch } from '../core/model'
import { resolveDataDir } from '../store'
import { openService, type TouchbaseService } from '../service'
import { reminderMessage } from '../service/reminder-message'
import { createNodeNotifier, type Notifier } from '../service/notifier'
import { resolveLanguage } from '../shared/i18n'
import { boardText, contactDetail, contactLine, importReportText, statsText } from './format'
import { addSyncCommands } from './sync-commands'

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  env: Record<string, string | undefined>
  notifier?: Notifier
  /** A one-line progress display for long work (stderr on a terminal); '' clears it. */
  progress?: (line: string) => void
  /** Asks for a secret without echoing it (only on a terminal). */
  prompt?: (question: string) => Promise<string>
}

interface GlobalOptions {
  data?: string
  now?: string
  json?: boolean
}

function parseInstant(value: string): string {
  if (Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new InvalidArgumentError('expected an ISO-8601 instant, e.g. 2026-11-27T09:00:00Z')
  }
  return value
}

const collect = (value: string, previous: string[] = []) => [...previous, value]

function contactOptions(cmd: Command): Command {
  return cmd
    .option('--org <org>', 'organisation')
    .addOption(new Option('--kind <kind>', 'kind of contact').choices(CONTACT_KINDS))
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .option('--subject <text>', 'what you are following up on, e.g. "quote for server maintenance"')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--notes <text>', 'free notes')
    .option('--cadence <rrule>', 'own follow-up rule, e.g. "FREQ=WEEKLY;BYDAY=TU"; "default" for the escalating default')
    .option('--owner <name>', 'on a team board: the teammate who owns the follow-up; "none" to unassign')
}

/** Builds the `touchbase` command line. Every command is a thin call into the application service. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('touchbase')
    .description('Touchbase: follow up systematically. Contacts by touch count, a cadence each, a daily follow-up list.')
    .option('--data <dir>', 'data folder (overrides $TOUCHBASE_DATA_DIR)')
    .option('--now <instant>', 'pretend the time is this ISO-8601 instant', parseInstant)
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()

  const withService = async <T>(cmd: Command, run: (service: TouchbaseService, opts: GlobalOptions & Record<string, unknown>) => Promise<T>) => {
    const opts = cmd.optsWithGlobals<GlobalOptions & Record<string, unknown>>()
    const dataDir = resolveDataDir({ override: opts.data, env: io.env, platform: process.platform, homedir: homedir() })
    const now = opts.now ? new Date(opts.now) : undefined
    const { service, store } = await openService(dataDir, now ? { now: () => now } : {})
    try {
      return await run(service, opts)
    } finally {
      await store.close()
    }
  }
  const print = (json: boolean | undefined, value: unknown, text: () => string) => io.out(json ? JSON.stringify(value, null, 2) : text())

  contactOptions(program.command('add').description('add a contact').requiredOption('--name <name>', 'name'))
    .option('--json', 'print the contact as JSON')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { cadence, ...fields } = contactFields(o)
        const v = await service.addContact({ ...fields, ...(cadence ? { cadence } : {}), name: String(o.name) })
        print(o.json, v, () => `Added ${v.name} (id ${v.id}); first follow-up ${v.nextDueAt?.slice(0, 10) ?? 'none'}.`)
      })
    )

  contactOptions(program.command('edit').description('change a contact').argument('<id>').option('--name <name>', 'name'))
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { contact: v } = await service.editContact(id, contactFields(o))
        print(o.json, v, () => `Updated ${v.name}.`)
      })
    )

  program
    .command('touch')
    .description('log one touch (call, email, message, meeting…); restarts the cadence')
    .argument('<id>')
    .addOption(new Option('--channel <channel>', 'how you reached out (default: the suggested channel)').choices(CHANNELS))
    .option('--note <text>', 'what happened')
    .addOption(new Option('--outcome <outcome>', 'what came of it').choices(OUTCOMES))
    .option('--at <instant>', 'when (back-dating is fine)', parseInstant)
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { contact: v } = await service.logTouch(id, { channel: o.channel as (typeof CHANNELS)[number] | undefined, note: o.note as string | undefined, outcome: o.outcome as (typeof OUTCOMES)[number] | undefined, at: o.at as string | undefined })
        // The new touch is the one at --at, or else at the moment of the change (updatedAt).
        const logged = v.touches.find((t) => t.at === ((o.at as string | undefined) ?? v.updatedAt))
        print(o.json, v, () => `Touch ${v.touchCount} logged for ${v.name} (${logged?.channel}). Next follow-up ${v.nextDueAt?.slice(0, 10) ?? 'none'}.`)
      })
    )

  program
    .command('untouch')
    .description('undo the latest touch')
    .argument('<id>')
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { contact: v } = await service.undoTouch(id)
        print(o.json, v, () => `Removed the latest touch of ${v.name}; ${v.touchCount} left.`)
      })
    )

  for (const [name, description, verb] of [
    ['snooze', 'move the next follow-up to a date', 'Snoozed'],
    ['wait', 'waiting on them: they promised something by a date; due then', 'Waiting on']
  ] as const) {
    program
      .command(name)
      .description(description)
      .argument('<id>')
      .requiredOption('--until <date>', 'a date like 2026-12-03, or an ISO instant')
      .option('--json', 'print the contact as JSON')
      .action(async (id: string, _o, cmd: Command) =>
        withService(cmd, async (service, o) => {
          const { contact: v } = name === 'snooze' ? await service.snooze(id, String(o.until)) : await service.wait(id, String(o.until))
          print(o.json, v, () => `${verb} ${v.name} until ${String(o.until)}.`)
        })
      )
  }

  program
    .command('close')
    .description('take a contact off the board: won, not now (back on a date), or dropped')
    .argument('<id>')
    .addOption(new Option('--as <outcome>', 'how it ended').choices(EXIT_STATUSES).makeOptionMandatory())
    .option('--until <date>', 'with --as not-now: when it comes back to the board')
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { contact: v } = await service.close(id, { as: o.as as (typeof EXIT_STATUSES)[number], ...(o.until ? { until: String(o.until) } : {}) })
        print(o.json, v, () => `${v.name} closed as ${String(o.as)}.`)
      })
    )

  program
    .command('reopen')
    .description('put a closed contact back on the board at its touch count')
    .argument('<id>')
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { contact: v } = await service.reopen(id)
        print(o.json, v, () => `${v.name} is back on the board (${v.touchCount} touches).`)
      })
    )

  program
    .command('list')
    .description('list contacts')
    .option('--json', 'machine-readable output')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const views = await service.list()
        const tz = service.timeZone()
        print(o.json, views, () => (views.length ? views.map((v) => contactLine(v, tz)).join('\n') : 'No contacts yet. Add one: touchbase add --name "Ada"'))
      })
    )

  program
    .command('show')
    .description('show one contact with its touch log')
    .argument('<id>')
    .option('--json', 'machine-readable output')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const v = await service.get(id)
        print(o.json, v, () => contactDetail(v, service.timeZone()))
      })
    )

  program
    .command('board')
    .description('contacts by touch count: 0, 1, 2, 3, 4, 5+')
    .option('--json', 'machine-readable output')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const board = await service.board()
        print(o.json, board, () => boardText(board, service.timeZone()))
      })
    )

  program
    .command('due')
    .description("today's follow-ups: due on or before today, most overdue first")
    .option('--json', 'machine-readable output')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const due = await service.due()
        const tz = service.timeZone()
        print(o.json, due, () => (due.length ? due.map((v) => contactLine(v, tz)).join('\n') : 'Nothing due today.'))
      })
    )

  program
    .command('stats')
    .description('where you give up, which channels get replies, who you are waiting on')
    .option('--json', 'machine-readable output')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const stats = await service.stats()
        print(o.json, stats, () => statsText(stats))
      })
    )

  program
    .command('remind')
    .description('send the OS notification now if anything is due (for cron, or desktops without a tray)')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service) => {
        const settings = await service.settings()
        const lang = resolveLanguage(settings.language, io.env.LC_ALL || io.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale)
        const message = reminderMessage(await service.due(), lang)
        // Nothing due: stay quiet so a cron job never mails noise.
        if (!message) return
        await (io.notifier ?? createNodeNotifier()).notify(message)
        io.out(`${message.title}: ${message.body}`)
      })
    )

  program
    .command('import')
    .description('import contacts from CSV (Google, Outlook or any) or vCard (.vcf 2.1/3.0/4.0)')
    .argument('<file>')
    .option('--dry-run', 'show what would be added, merged and skipped; change nothing')
    .addOption(new Option('--on-duplicate <choice>', 'what to do with a contact you already have').choices(['merge', 'skip']))
    .option('--json', 'machine-readable report')
    .action(async (file: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
          throw new Error(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`)
        })
        const progress = io.progress ?? (() => {})
        const report = await service.importContacts(
          { fileName: basename(file), text, dryRun: Boolean(o.dryRun), ...(o.onDuplicate ? { onDuplicate: o.onDuplicate as 'merge' | 'skip' } : {}) },
          (done, total) => progress(`importing ${done}/${total}`)
        )
        progress('')
        print(o.json, report, () => importReportText(report))
      })
    )

  program
    .command('export')
    .description('export everything: csv, vcf (vCard 4.0), json (full backup) or ics (follow-ups for your calendar)')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'vcf', 'json', 'ics']).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const file = await service.exportData(o.format as 'csv' | 'vcf' | 'json' | 'ics')
        if (o.out) {
          await writeFile(String(o.out), file.content)
          io.err(`Wrote ${String(o.out)}.`)
        } else io.out(file.content)
      })
    )

  program
    .command('restore')
    .description('replace all data with a JSON backup (the current file is backed up first)')
    .argument('<file>')
    .action(async (file: string, _o, cmd: Command) =>
      withService(cmd, async (service) => {
        const result = await service.restoreBackup(await readFile(file, 'utf8'))
        io.out(`Restored ${result.contacts} contacts. The previous data is in ${result.backupPath}.`)
      })
    )

  addSyncCommands(program, io, withService)

  return program
}

function contactFields(o: Record<string, unknown>): ContactPatch {
  const fields: ContactPatch = {}
  for (const key of ['name', 'org', 'kind', 'email', 'phone', 'subject', 'notes'] as const) {
    if (o[key] !== undefined) (fields as Record<string, unknown>)[key] = o[key]
  }
  if (o.tag !== undefined) fields.tags = o.tag as string[]
  if (o.cadence !== undefined) fields.cadence = o.cadence === 'default' ? null : String(o.cadence)
  if (o.owner !== undefined) fields.owner = o.owner === 'none' ? null : String(o.owner)
  return fields
}
