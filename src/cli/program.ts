import { readFile, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { Command, InvalidArgumentError, Option } from 'commander'
import { CHANNELS, CONTACT_KINDS, DayOrInstant, EXIT_STATUSES, Instant, OUTCOMES, PRIORITIES, type ContactPatch } from '../core/model'
import type { ContactQuery } from '../core/filters'
import { parseDayOrInstant, systemTimeZone } from '../core/time'
import { resolveDataDir } from '../store'
import { openService, type TouchbaseService } from '../service'
import type { ContactView } from '../core/contact-view'
import { reminderMessage } from '../service/reminder-message'
import type { Notifier } from '../service/notifier'
import { boardText, contactDetail, contactLine, dueText, exitWord, importReportText, localDateTime, plural, statsText, terminalSafe } from './format'
import { addLoopCommands, cliLanguage } from './loop-commands'
import { resolveContactRef } from './contact-ref'
import type { Terminal } from './block-terminal'
import { fileError } from './errors'
import { describeSize } from '../core/interop/limits'
import { addSyncCommands } from './sync-commands'
import pkg from '../../package.json' with { type: 'json' }

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  env: Record<string, string | undefined>
  notifier?: Notifier
  /** A one-line progress display for long work (stderr on a terminal); '' clears it. */
  progress?: (line: string) => void
  /** Asks for a secret without echoing it (only on a terminal). */
  prompt?: (question: string) => Promise<string>
  /** The terminal `touchbase block` reads keys from and draws on. */
  terminal?: Terminal
}

interface GlobalOptions {
  data?: string
  now?: string
  json?: boolean
}

/**
 * --now and --at: a day (its local start) or an ISO-8601 instant, checked by the same schema the
 * service uses, so an impossible date such as 2026-02-30 is refused instead of becoming 2 March.
 */
function parseInstant(value: string): string {
  if (!DayOrInstant.safeParse(value).success) {
    throw new InvalidArgumentError('expected a real date like 2026-11-27 or an ISO-8601 instant like 2026-11-27T09:00:00Z')
  }
  // An instant is kept as written (it is stored as given); a day becomes its local start.
  return Instant.safeParse(value).success ? value : parseDayOrInstant(value, systemTimeZone())
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
    .addOption(new Option('--priority <priority>', 'high comes first within a day').choices(PRIORITIES))
}

/** --kind, --tag and --priority for list and due. */
function filterOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--kind <kind>', 'only this kind').choices(CONTACT_KINDS))
    .option('--tag <tag>', 'only contacts with this tag')
    .addOption(new Option('--priority <priority>', 'only this priority').choices(PRIORITIES))
}

type Query = NonNullable<ContactQuery>

function queryOf(o: Record<string, unknown>): Query {
  return { ...(o.kind ? { kind: o.kind as Query['kind'] } : {}), ...(o.tag ? { tag: String(o.tag) } : {}), ...(o.priority ? { priority: o.priority as Query['priority'] } : {}) }
}

/** Builds the `touchbase` command line. Every command is a thin call into the application service. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('touchbase')
    .description('Touchbase: follow up systematically. Contacts by touch count, a cadence each, a daily follow-up list.')
    .option('--data <dir>', 'data folder (overrides $TOUCHBASE_DATA_DIR)')
    .option('--now <date>', 'pretend the time is this date or ISO-8601 instant', parseInstant)
    .version(pkg.version, '-V, --version', 'print the version')
    // Commander echoes arguments back in its errors; they may hold control characters too.
    .configureOutput({ writeOut: (text) => io.out(terminalSafe(text)), writeErr: (text) => io.err(terminalSafe(text)) })
    .exitOverride()

  const withService = async <T>(cmd: Command, run: (service: TouchbaseService, opts: GlobalOptions & Record<string, unknown>) => Promise<T>) => {
    const opts = cmd.optsWithGlobals<GlobalOptions & Record<string, unknown>>()
    const dataDir = resolveDataDir({ override: opts.data, env: io.env, platform: process.platform, homedir: homedir() })
    // --now was parsed (and checked) into an ISO instant by parseInstant.
    const now = opts.now ? new Date(opts.now) : undefined
    // A warning (e.g. today's backup could not be made) goes to stderr; the command still succeeds.
    const { service, store } = await openService(dataDir, now ? { now: () => now } : {}, { onWarning: (w) => io.err(`touchbase: warning: ${w.message}`) })
    try {
      return await run(service, opts)
    } finally {
      await store.close()
    }
  }
  // Names, notes and import reports come from data anyone may have written: never raw to a terminal.
  const print = (json: boolean | undefined, value: unknown, text: () => string) => io.out(terminalSafe(json ? JSON.stringify(value, null, 2) : text()))
  /** A changed contact; a cadence that leaves it never due again is worth a warning (on stderr, so --json stays clean). */
  const printChanged = (json: boolean | undefined, v: ContactView, text: () => string) => {
    print(json, v, text)
    if (v.cadenceNotice) io.err(terminalSafe(`Warning: ${v.cadenceNotice.message}.`))
  }
  /** A contact's id, unique id prefix or name ("karen"), as the service's id. */
  const ref = resolveContactRef

  contactOptions(program.command('add').description('add a contact').requiredOption('--name <name>', 'name'))
    .option('--json', 'print the contact as JSON')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { cadence, ...fields } = contactFields(o)
        const v = await service.addContact({ ...fields, ...(cadence ? { cadence } : {}), name: String(o.name) })
        printChanged(o.json, v, () => `Added ${v.name} (id ${v.id}); first follow-up ${v.nextDueAt ? localDateTime(v.nextDueAt, service.timeZone()) : 'none'}.`)
      })
    )

  contactOptions(program.command('edit').description('change a contact').argument('<id>').option('--name <name>', 'name'))
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { contact: v } = await service.editContact(await ref(service, id), contactFields(o))
        printChanged(o.json, v, () => `Updated ${v.name}.`)
      })
    )

  program
    .command('touch')
    .description('log one touch (call, email, message, meeting…); restarts the cadence')
    .argument('<id>', 'the id, or a name that matches one contact')
    .addOption(new Option('--channel <channel>', 'how you reached out (default: the suggested channel)').choices(CHANNELS))
    .option('--note <text>', 'what happened')
    .addOption(new Option('--outcome <outcome>', 'what came of it').choices(OUTCOMES))
    .option('--at <date>', 'when: a date or an ISO-8601 instant (back-dating is fine)', parseInstant)
    .option('--force', 'log it even if --at is before 1970 or before the contact was added')
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { contact: v } = await service.logTouch(await ref(service, id), {
          channel: o.channel as (typeof CHANNELS)[number] | undefined,
          note: o.note as string | undefined,
          outcome: o.outcome as (typeof OUTCOMES)[number] | undefined,
          at: o.at as string | undefined,
          ...(o.force ? { force: true } : {})
        })
        // The new touch is the one at --at, or else at the moment of the change (updatedAt).
        const logged = v.touches.find((t) => t.at === ((o.at as string | undefined) ?? v.updatedAt))
        printChanged(o.json, v, () => `Touch ${v.touchCount} logged for ${v.name} (${logged?.channel}). Next follow-up ${v.nextDueAt ? localDateTime(v.nextDueAt, service.timeZone()) : 'none'}.`)
      })
    )

  program
    .command('untouch')
    .description('undo the latest touch')
    .argument('<id>')
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { contact: v } = await service.undoTouch(await ref(service, id))
        printChanged(o.json, v, () => `Removed the latest touch of ${v.name}; ${plural(v.touchCount, 'touch', 'touches')} left.`)
      })
    )

  program
    .command('snooze')
    .description('move the next follow-up to a date (until the next touch)')
    .argument('<id>')
    .requiredOption('--until <date>', 'a date like 2026-12-03, or an ISO instant')
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { contact: v } = await service.snooze(await ref(service, id), String(o.until))
        printChanged(o.json, v, () => `Snoozed ${v.name} until ${String(o.until)}.`)
      })
    )

  program
    .command('wait')
    .description('waiting on them: they promised something by a date (--until), or delivered it (--done)')
    .argument('<id>')
    .option('--until <date>', 'the promised-by date, like 2026-12-03, or an ISO instant')
    .option('--what <text>', 'what they promised, e.g. "the signed quote"')
    .option('--done', 'they delivered: end the wait and go back to the cadence')
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        if (o.done && (o.until || o.what)) throw new Error('--done ends a wait; it takes no --until or --what')
        if (!o.done && !o.until) throw new Error('say until when with --until DATE, or --done when they delivered')
        const contactId = await ref(service, id)
        const { contact: v } = o.done ? await service.delivered(contactId) : await service.wait(contactId, String(o.until), o.what as string | undefined)
        const tz = service.timeZone()
        printChanged(o.json, v, () =>
          o.done
            ? `${v.name} delivered. Back on the cadence: next follow-up ${v.nextDueAt ? `${localDateTime(v.nextDueAt, tz)} (${v.dueState})` : 'none'}.`
            : `Waiting on ${v.name}${v.waitingFor ? ` for ${v.waitingFor}` : ''} until ${v.promise?.byDay ?? String(o.until)}.`
        )
      })
    )

  program
    .command('close')
    .description('take a contact off the board: won, not now (back on a date), or dropped')
    .argument('<id>')
    .addOption(new Option('--as <outcome>', 'how it ended').choices(EXIT_STATUSES).makeOptionMandatory())
    .option('--until <date>', 'with --as not-now: when it comes back to the board')
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { contact: v } = await service.close(await ref(service, id), { as: o.as as (typeof EXIT_STATUSES)[number], ...(o.until ? { until: String(o.until) } : {}) })
        printChanged(o.json, v, () => `${v.name} closed as ${exitWord(v.kind, String(o.as))}.`)
      })
    )

  program
    .command('reopen')
    .description('put a closed contact back on the board at its touch count')
    .argument('<id>')
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const { contact: v } = await service.reopen(await ref(service, id))
        printChanged(o.json, v, () => `${v.name} is back on the board (${plural(v.touchCount, 'touch', 'touches')}).`)
      })
    )

  filterOptions(program.command('list').description('list contacts'))
    .option('--json', 'machine-readable output')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const views = await service.list(queryOf(o))
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
        const v = await service.get(await ref(service, id))
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

  filterOptions(program.command('due').description("today's follow-ups in sections: overdue, today, they owe you, coming up"))
    .option('--json', 'machine-readable: the contacts due on or before today, most overdue first')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const query = queryOf(o)
        if (o.json) return print(true, await service.due(query), () => '')
        const sections = await service.today(query)
        const none = !Object.values(sections).some((l) => l.length) && (await service.store.read()).contacts.length === 0
        print(false, null, () => (none ? 'No contacts yet. Add one: touchbase add --name "Ada"' : dueText(sections, service.timeZone())))
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
        const lang = await cliLanguage(service, io.env)
        const due = await service.due()
        const message = reminderMessage(due, lang)
        // Nothing due: stay quiet so a cron job never mails noise.
        if (!message) return
        const noSession = noDesktopSession(io.env)
        if (noSession) {
          io.out(dueText(await service.today(), service.timeZone()))
          io.err(`touchbase: no notification was shown: ${noSession}`)
          return
        }
        try {
          // node-notifier loads only for `remind`: every other command starts without it.
          await (io.notifier ?? (await import('../service/notifier')).createNodeNotifier()).notify(message)
        } catch (error) {
          io.out(dueText(await service.today(), service.timeZone()))
          throw new Error(`no notification was shown: the notification service refused it (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`, { cause: error })
        }
        io.out(terminalSafe(`${message.title}: ${message.body}`))
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
        const progress = io.progress ?? (() => {})
        const report = await service
          .importFile(
            { path: file, dryRun: Boolean(o.dryRun), ...(o.onDuplicate ? { onDuplicate: o.onDuplicate as 'merge' | 'skip' } : {}) },
            {
              onRead: (bytes, total) => progress(`reading ${file}: ${Math.floor((bytes / total) * 100)}% of ${describeSize(total)}`),
              onProgress: (done, total) => progress(`importing ${done}/${total}`)
            }
          )
          .catch((error: unknown) => {
            // The file itself could not be read (missing, unreadable): say which, and that nothing changed.
            if ((error as NodeJS.ErrnoException).path === file) fileError('read', file, 'Nothing was imported.')(error)
            throw error
          })
          .finally(() => progress(''))
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
          const out = String(o.out)
          await writeFile(out, file.content).catch(fileError('write', out, 'Nothing was exported; your data is unchanged.'))
          io.err(terminalSafe(`Wrote ${out}.`))
        } else io.out(file.content)
      })
    )

  program
    .command('restore')
    .description('replace all data with a JSON backup (the current file is backed up first)')
    .argument('<file>')
    .action(async (file: string, _o, cmd: Command) =>
      withService(cmd, async (service) => {
        const text = await readFile(file, 'utf8').catch(fileError('read', file, 'Nothing was restored; your data is unchanged.'))
        const result = await service.restoreBackup(text)
        io.out(terminalSafe(`Restored ${plural(result.contacts, 'contact')}. The previous data is in ${result.backupPath}.`))
      })
    )

  addSyncCommands(program, io, withService)
  addLoopCommands(program, { io, withService, print })

  // A usage error is the problem and where to look, not the whole help.
  for (const command of [program, ...program.commands]) {
    const name = command === program ? 'touchbase' : `touchbase ${command.name()}`
    command.showHelpAfterError(`Usage: ${name} ${command.usage()}  (more: ${name} --help)`)
  }
  return program
}

/** Why a notification cannot be shown here, or null when a desktop session may show it. */
export function noDesktopSession(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string | null {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return null
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return null
  return 'there is no desktop session here (neither DISPLAY nor WAYLAND_DISPLAY is set), e.g. over SSH or in a plain cron job. Above is what is due; in cron, set DISPLAY and DBUS_SESSION_BUS_ADDRESS to your desktop session to get the notification.'
}

function contactFields(o: Record<string, unknown>): ContactPatch {
  const fields: ContactPatch = {}
  for (const key of ['name', 'org', 'kind', 'email', 'phone', 'subject', 'notes', 'priority'] as const) {
    if (o[key] !== undefined) (fields as Record<string, unknown>)[key] = o[key]
  }
  if (o.tag !== undefined) fields.tags = o.tag as string[]
  if (o.cadence !== undefined) fields.cadence = o.cadence === 'default' ? null : String(o.cadence)
  if (o.owner !== undefined) fields.owner = o.owner === 'none' ? null : String(o.owner)
  return fields
}
