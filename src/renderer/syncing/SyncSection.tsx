import { useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { FirstSyncPlan } from '../../core/sync/first-sync'
import { SyncSetupRequestSchema, type SyncPanel, type SyncSetupRequest } from '../../core/sync/setup'
import type { SyncStatus } from '../../core/sync/status'
import { call } from '../api/client'
import { errorText } from '../api/error-text'
import { useData } from '../app/data'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'
import { useToast } from '../ui/Toast'
import { MergePreview } from './MergePreview'
import { SyncState } from './SyncState'
import { lastSyncedText, reasonText } from './status-text'
import { useSyncPanel } from './useSyncPanel'
import '../styles/sync.css'

type Busy = 'test' | 'setup' | 'now' | 'off' | null
type Field = 'server' | 'user' | 'password' | 'boards'

const splitBoards = (text: string) =>
  text
    .split(/[\s,，]+/)
    .map((b) => b.trim())
    .filter(Boolean)

/**
 * Settings → Sync. It sits inside the settings <form> but saves on its own (sync:setup takes
 * effect at once, with the password), so its buttons never submit that form, Enter in its
 * fields runs its own main action, and its dialogs are portalled out of the form.
 */
export function SyncSection() {
  const { t, i18n } = useTranslation()
  const { reload, timeZone } = useData()
  const toast = useToast()
  const [panel, setPanel] = useSyncPanel()
  const [fields, setFields] = useState<Record<Field, string> | null>(null)
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({})
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = useState<Busy>(null)
  const [preview, setPreview] = useState<{ plan: FirstSyncPlan; request: SyncSetupRequest } | null>(null)
  const [confirmOff, setConfirmOff] = useState(false)

  if (!panel) return null
  const config = panel.config
  // The form starts from the saved settings once they are known, then is the person's.
  const values = fields ?? { server: config?.server ?? '', user: config?.user ?? '', password: '', boards: config?.boards.join(', ') ?? '' }
  const set = (field: Field, value: string) => {
    setFields({ ...values, [field]: value })
    setInvalid({ ...invalid, [field]: undefined })
    setResult(null)
  }
  const changed = !config || values.server.replace(/\/+$/, '') !== config.server || values.user.trim() !== config.user || values.password !== '' || splitBoards(values.boards).join(',') !== config.boards.join(',')

  /** The request as typed, or null after marking what is wrong beside each field. */
  function request(forTest: boolean): SyncSetupRequest | null {
    const draft: SyncSetupRequest = {
      server: values.server.trim(),
      user: values.user.trim(),
      ...(values.password ? { password: values.password } : {}),
      boards: splitBoards(values.boards)
    }
    const parsed = SyncSetupRequestSchema.safeParse(draft)
    const problems: Partial<Record<Field, string>> = {}
    if (!parsed.success) for (const issue of parsed.error.issues) problems[issue.path[0] as Field] = t(`sync.invalid.${issue.path[0] as Field}`)
    // A first set-up (or another account) has no kept password to fall back on.
    const sameAccount = config && draft.server.replace(/\/+$/, '') === config.server && draft.user === config.user && panel?.password !== 'missing'
    if (!draft.password && !sameAccount && !forTest) problems.password = t('sync.invalid.password')
    if (forTest) delete problems.boards
    setInvalid(problems)
    return Object.keys(problems).length === 0 ? draft : null
  }

  const say = (status: SyncStatus) =>
    setResult(
      status.state === 'synced'
        ? { tone: 'ok', text: t('sync.connected', { server: values.server.trim(), user: values.user.trim() }) }
        : { tone: 'error', text: reasonText(status, t) ?? status.message ?? status.state }
    )

  async function run(what: Exclude<Busy, null>, action: () => Promise<void>) {
    setBusy(what)
    setResult(null)
    try {
      await action()
    } catch (error) {
      setResult({ tone: 'error', text: errorText(error, t) })
    } finally {
      setBusy(null)
    }
  }

  const test = () => {
    const r = request(true)
    if (r) void run('test', async () => say(await call('sync:test', { server: r.server, user: r.user, ...(r.password ? { password: r.password } : {}) })))
  }

  const setup = (r: SyncSetupRequest | null = request(false)) => {
    if (!r) return
    void run('setup', async () => {
      const answer = await call('sync:setup', r)
      if (answer.kind === 'preview') return setPreview({ plan: answer.plan, request: r })
      if (answer.kind === 'refused') return say(answer.status)
      turnedOn(answer.panel)
    })
  }

  function turnedOn(next: SyncPanel) {
    setPanel(next)
    setFields(null)
    setPreview(null)
    toast({ message: t('sync.turnedOn') })
    // The settings now carry the account and boards (filters, Move to board… follow them).
    void reload()
  }

  const syncNow = () =>
    void run('now', async () => {
      const next = await call('sync:now', ...(values.password ? [values.password] : []))
      setPanel(next)
      if (values.password) setFields({ ...values, password: '' })
    })

  const turnOff = () => {
    setConfirmOff(false)
    void run('off', async () => {
      setPanel(await call('sync:off'))
      setFields(null)
      toast({ message: t('sync.turnedOff') })
      void reload()
    })
  }

  /** Enter in a field runs this section's main action, not the settings form's Save. */
  const onEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    if (!busy) setup()
  }

  const input = (field: Field, extra: { type?: string; placeholder?: string; autoComplete?: string; label: string; hint?: string }) => (
    <label className={`field sync-field sync-field-${field}`}>
      <span className="field-label">{extra.label}</span>
      <input
        type={extra.type ?? 'text'}
        value={values[field]}
        onChange={(e) => set(field, e.target.value)}
        onKeyDown={onEnter}
        placeholder={extra.placeholder}
        autoComplete={extra.autoComplete ?? 'off'}
        spellCheck={false}
        aria-invalid={!!invalid[field]}
        data-testid={`sync-${field}`}
      />
      {invalid[field] ? <span className="field-error">{invalid[field]}</span> : extra.hint ? <span className="field-hint sync-hint">{extra.hint}</span> : null}
    </label>
  )

  return (
    <section className="settings-section sync-section" aria-labelledby="settings-sync-title" data-testid="settings-sync">
      <div className="sync-head">
        <h3 className="section-title" id="settings-sync-title">
          {t('sync.title')}
        </h3>
        {config && <SyncState status={panel.status} />}
      </div>
      <p className="section-hint">{t('sync.hint')}</p>

      {config && <SyncDetails status={panel.status} language={i18n.language} timeZone={timeZone} />}

      <div className="sync-grid">
        {input('server', { label: t('sync.server'), placeholder: t('sync.serverPlaceholder'), type: 'url' })}
        {input('user', { label: t('sync.user'), autoComplete: 'username' })}
        {input('password', {
          label: t('sync.password'),
          type: 'password',
          autoComplete: 'current-password',
          ...(config && panel.password === 'kept' ? { placeholder: '••••••••', hint: t('sync.passwordKept') } : {}),
          ...(config && panel.password === 'session' ? { placeholder: '••••••••', hint: t('sync.passwordSession') } : {})
        })}
        {input('boards', { label: t('sync.boards'), placeholder: 'procurement', hint: t('sync.boardsHint') })}
      </div>

      <div className="sync-actions">
        <button type="button" className="button" onClick={test} disabled={busy !== null} data-testid="sync-test">
          {busy === 'test' ? t('sync.testing') : t('sync.test')}
        </button>
        {(!config || changed) && (
          <button type="button" className="button button-primary" onClick={() => setup()} disabled={busy !== null} data-testid="sync-setup">
            {busy === 'setup' ? t('sync.saving') : config ? t('sync.save') : t('sync.turnOn')}
          </button>
        )}
        {config && (
          <>
            <button type="button" className="button" onClick={syncNow} disabled={busy !== null || panel.status.state === 'syncing'} data-testid="sync-now">
              {t('sync.now')}
            </button>
            <button type="button" className="button button-ghost sync-off" onClick={() => setConfirmOff(true)} disabled={busy !== null} data-testid="sync-off">
              {t('sync.off')}
            </button>
          </>
        )}
      </div>
      {busy === 'setup' && (
        <p className="sync-result" role="status" data-testid="sync-progress">
          {t('sync.savingHint')}
        </p>
      )}
      {result && (
        <p className={`sync-result is-${result.tone}`} role={result.tone === 'error' ? 'alert' : 'status'} data-testid="sync-result">
          {result.text}
        </p>
      )}

      {preview &&
        createPortal(
          <MergePreview plan={preview.plan} busy={busy === 'setup'} onCancel={() => setPreview(null)} onConfirm={() => setup({ ...preview.request, confirmMerge: true })} />,
          document.body
        )}
      {confirmOff &&
        createPortal(
          // Fenced: the confirmation's own form must not submit the settings form.
          <div onSubmit={(e) => e.stopPropagation()}>
            <ConfirmDialog title={t('sync.offTitle')} body={t('sync.offBody')} confirmLabel={t('sync.offConfirm')} onCancel={() => setConfirmOff(false)} onConfirm={turnOff} />
          </div>,
          document.body
        )}
    </section>
  )
}

/** Why it is not syncing (when it is not), when it last did, and what the server refused. */
function SyncDetails({ status, language, timeZone }: { status: SyncStatus; language: string; timeZone: string }) {
  const { t } = useTranslation()
  const reason = reasonText(status, t)
  return (
    <div className={`sync-details is-${status.state}`} data-testid="sync-details">
      {reason && <p className="sync-reason">{reason}</p>}
      <p className="sync-last" data-testid="sync-last">
        {lastSyncedText(status, t, language, new Date(), timeZone)}
      </p>
      {status.refused ? <p className="sync-reason">{t('sync.refused', { count: status.refused })}</p> : null}
    </div>
  )
}
