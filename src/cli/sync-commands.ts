import { Command } from 'commander'
import type { TouchbaseService } from '../service'
import { addUser, readSyncStatus, runSync, setUpBoard, SyncError, testConnection, type SyncReport } from '../sync'
import type { SyncStatus } from '../core/sync/status'
import type { FirstSyncPlan } from '../core/sync/first-sync'
import { BoardName, UserName } from '../core/model'
import type { CliIo } from './program'

type WithService = <T>(cmd: Command, run: (service: TouchbaseService, opts: Record<string, unknown>) => Promise<T>) => Promise<T>

const collect = (value: string, previous: string[] = []) => [...previous, value]

/** A secret from the environment or a hidden prompt; never from an argument (it would land in shell history). */
async function secret(io: CliIo, variable: string, question: string): Promise<string> {
  const fromEnv = io.env[variable]
  if (fromEnv) return fromEnv
  if (!io.prompt) throw new Error(`no password: set $${variable} (or run in a terminal to be asked)`)
  const answer = await io.prompt(question)
  if (!answer) throw new Error('no password given')
  return answer
}

function parseWith<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: string, what: string): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new Error(`${what} "${value}" ${parsed.error.issues[0]?.message ?? 'is not valid'}`)
  return parsed.data
}

export function reportText(report: SyncReport): string {
  const lines = [`Synced: sent ${report.pushed}, received ${report.pulled}, ${report.conflictsResolved} conflict${report.conflictsResolved === 1 ? '' : 's'} resolved.`]
  if (report.firstSync) lines.push(firstSyncText(report.firstSync, false))
  if (report.refused) lines.push(`The server refused ${report.refused} change(s) (a board's rules: only members write, touches in your own name).`)
  return lines.join('\n')
}

function firstSyncText(plan: FirstSyncPlan, preview: boolean): string {
  const verb = preview ? 'would be' : 'were'
  const lines = [`First sync: ${plan.upload} contact(s) only here ${verb} sent, ${plan.download} only on the server ${verb} received, ${plan.merge.length} on both ${verb} merged.`]
  for (const m of plan.merge) lines.push(`  merge ${m.name} (same ${m.matchedBy})`)
  return lines.join('\n')
}

export function statusText(status: SyncStatus, config: { server: string; user: string; boards: string[] } | undefined): string {
  if (!config) return 'Sync is off. Set it up with: touchbase sync --server URL --user NAME'
  const counts = status.lastCounts ? ` (sent ${status.lastCounts.pushed}, received ${status.lastCounts.pulled}, ${status.lastCounts.conflictsResolved} conflicts resolved)` : ''
  return [
    `Sync: ${status.state}${status.message ? ` — ${status.message}` : ''}`,
    `Last synced: ${status.lastSyncedAt ?? 'never'}${counts}`,
    `Server: ${config.server}  User: ${config.user}`,
    `Boards: ${config.boards.length ? config.boards.join(', ') : 'none (personal list only)'}`
  ].join('\n')
}

export function addSyncCommands(program: Command, io: CliIo, withService: WithService): void {
  const print = (json: unknown, value: unknown, text: () => string) => io.out(json ? JSON.stringify(value, null, 2) : text())

  program
    .command('sync')
    .description('sync with a CouchDB server: your other devices and your team boards (password: $TOUCHBASE_SYNC_PASSWORD or a prompt)')
    .option('--server <url>', 'set up: the CouchDB server, e.g. https://couch.example.com')
    .option('--user <name>', 'set up: your user name on that server')
    .option('--join <board>', 'also sync this team board (repeatable)', collect)
    .option('--leave <board>', 'stop syncing this team board (its contacts stay here)', collect)
    .option('--preview', 'first sync: show what would be merged, change nothing')
    .option('--status', 'show the sync state and stop')
    .option('--test', 'check the server, user and password, without syncing')
    .option('--off', 'turn sync off (nothing is deleted, here or on the server)')
    .option('--json', 'machine-readable output')
    .action(async (_o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        const dataDir = service.store.dataDir
        if (o.status) {
          const config = (await service.settings()).sync
          const status = config ? await readSyncStatus(dataDir) : ({ state: 'off' } as SyncStatus)
          return print(o.json, { ...status, ...(config ? { server: config.server, user: config.user, boards: config.boards } : {}) }, () => statusText(status, config))
        }
        if (o.off) {
          await service.updateSettings({ sync: undefined })
          return io.out('Sync is off. Your data here and on the server is unchanged.')
        }
        await configure(service, o)
        const config = (await service.settings()).sync
        if (!config) throw new Error('Sync is not set up. Run: touchbase sync --server URL --user NAME')
        const password = await secret(io, 'TOUCHBASE_SYNC_PASSWORD', `Password for ${config.user} at ${config.server}: `)
        if (o.test) {
          const status = await testConnection(config, password)
          print(o.json, status, () => status.message ?? status.state)
          if (status.state !== 'synced') throw new SyncError({ ...status, reason: status.reason ?? 'internal' })
          return
        }
        const progress = io.progress ?? (() => {})
        try {
          const report = await runSync({ service, dataDir, password, preview: Boolean(o.preview), progress })
          progress('')
          if (o.preview) {
            const plan = report.firstSync
            return print(o.json, plan ?? null, () => (plan ? firstSyncText(plan, true) : 'This device has synced before: there is nothing to preview.'))
          }
          print(o.json, { pushed: report.pushed, pulled: report.pulled, conflictsResolved: report.conflictsResolved }, () => reportText(report))
        } finally {
          progress('')
        }
      })
    )

  program
    .command('move')
    .description('move a contact, with all its touches, to a team board (or back with --personal)')
    .argument('<id>')
    .option('--board <board>', 'a board you sync (touchbase sync --join BOARD)')
    .option('--personal', 'back to your personal list')
    .option('--json', 'print the contact as JSON')
    .action(async (id: string, _o, cmd: Command) =>
      withService(cmd, async (service, o) => {
        if (!o.board === !o.personal) throw new Error('give either --board BOARD or --personal')
        const { contact: v } = await service.moveToBoard(id, o.personal ? null : String(o.board))
        print(o.json, v, () => `${v.name} is now on ${v.board ? `the board ${v.board}` : 'your personal list'}. It moves on the server at the next sync.`)
      })
    )

  const admin = program.command('admin').description('set up a CouchDB server for Touchbase (needs a server admin; password: $TOUCHBASE_ADMIN_PASSWORD or a prompt)')
  const adminOptions = (c: Command) => c.requiredOption('--server <url>', 'the CouchDB server').requiredOption('--admin <name>', 'a server admin')
  const adminLogin = async (o: Record<string, unknown>) => ({
    server: String(o.server),
    admin: { user: String(o.admin), password: await secret(io, 'TOUCHBASE_ADMIN_PASSWORD', `Password for admin ${String(o.admin)}: `) }
  })

  adminOptions(admin.command('add-user').description("add a user (or reset their password) with their personal database (password: $TOUCHBASE_NEW_USER_PASSWORD or a prompt)").argument('<name>')).action(
    async (name: string, o: Record<string, unknown>) => {
      const user = parseWith(UserName, name, 'user name')
      const { server, admin: login } = await adminLogin(o)
      const password = await secret(io, 'TOUCHBASE_NEW_USER_PASSWORD', `New password for ${user}: `)
      const { database } = await addUser(server, login, user, password)
      io.out(`User ${user} can now sync (personal database ${database}).`)
    }
  )

  adminOptions(
    admin
      .command('board')
      .description('create a team board, or set its members: only they can read and write it')
      .argument('<board>')
      .requiredOption('--member <name>', 'a member (repeatable); the list replaces the current one', collect)
  ).action(async (board: string, o: Record<string, unknown>) => {
    const name = parseWith(BoardName, board, 'board name')
    const members = (o.member as string[]).map((m) => parseWith(UserName, m, 'member'))
    const { server, admin: login } = await adminLogin(o)
    await setUpBoard(server, login, name, members)
    io.out(`Board ${name} is ready; members: ${members.join(', ')}. Each member runs: touchbase sync --join ${name}`)
  })
}

/** --server/--user set up (or change) sync; --join/--leave change the boards. All remembered in settings. */
async function configure(service: TouchbaseService, o: Record<string, unknown>): Promise<void> {
  const current = (await service.settings()).sync
  const joins = ((o.join as string[] | undefined) ?? []).map((b) => parseWith(BoardName, b, 'board name'))
  const leaves = (o.leave as string[] | undefined) ?? []
  if (!o.server && !o.user && joins.length === 0 && leaves.length === 0) return
  const server = o.server ? String(o.server) : current?.server
  const user = o.user ? String(o.user) : current?.user
  if (!server || !user) throw new Error('to set up sync give both --server URL and --user NAME')
  const boards = [...new Set([...(current?.boards ?? []), ...joins])].filter((b) => !leaves.includes(b))
  await service.updateSettings({ sync: { server: server.replace(/\/+$/, ''), user, boards } })
}
