import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactSummary } from '../../core/contact-view'
import { CHANNELS, EXIT_STATUSES, type Channel, type Outcome, type Touch } from '../../core/model'
import { useCommands } from '../app/commands'
import { useData } from '../app/data'
import { useFullView } from '../app/full-views'
import { errorText } from '../api/error-text'
import { useFlows } from '../app/flows'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'
import { fromFloating, toFloating } from '../../core/time'
import { formatDateTime, formatDateTimeLong } from '../format/dates'
import { promiseText, statusLabel } from '../format/loop-text'
import { NextTouchIdea } from '../ui/NextTouchIdea'
import { PriorityStar } from '../ui/PriorityStar'
import { Dialog } from '../ui/Dialog'
import { ChannelIcon, Icon } from '../ui/icons'
import { OutcomeSelect } from '../ui/OutcomeSelect'
import { describeCadence } from './CadenceEditor'
import { choiceOf } from './cadence-presets'
import { TeamFacts } from '../syncing/TeamFacts'

interface Props {
  id: string
  onClose: () => void
  onEdit: (id: string) => void
}

export function ContactDetail({ id, onClose, onEdit }: Props) {
  const { t } = useTranslation()
  const { contacts } = useData()
  const view = contacts?.find((c) => c.id === id)
  return (
    <Dialog title={view?.name ?? t('detail.title')} onClose={onClose} className="drawer" testId="contact-detail">
      {view ? (
        <DetailBody view={view} onClose={onClose} onEdit={onEdit} />
      ) : (
        <div className="drawer-missing">
          <p>{t('detail.notFound')}</p>
          <button type="button" className="button" onClick={onClose}>
            {t('detail.close')}
          </button>
        </div>
      )}
    </Dialog>
  )
}

function DetailBody({ view, onClose, onEdit }: { view: ContactSummary; onClose: () => void; onEdit: (id: string) => void }) {
  const { t, i18n } = useTranslation()
  const { now, timeZone, settings } = useData()
  const flows = useFlows()
  const onBoard = view.status === 'active' || view.status === 'waiting'
  const lang = i18n.language
  const cadence = describeCadence(choiceOf(view.cadence), t, lang, settings?.escalationDays ?? [], view.touchCount)

  return (
    <>
      <header className="drawer-header">
        <div>
          <h2 className="drawer-title">{view.name}</h2>
          <div className="drawer-sub">
            <span className={`kind-badge kind-${view.kind}`}>{t(`kind.${view.kind}`)}</span>
            {view.org && <span>{view.org}</span>}
            <span className={`status-pill status-${view.status}`}>{statusLabel(t, view.status, view.kind)}</span>
            {view.priority !== 'normal' && (
              <span className="detail-priority">
                <PriorityStar priority={view.priority} /> {t(`priority.${view.priority}`)}
              </span>
            )}
          </div>
        </div>
        <div className="drawer-header-actions">
          <button type="button" className="button" onClick={() => onEdit(view.id)} data-testid="edit-contact">
            <Icon name="edit" size={14} /> {t('detail.edit')}
          </button>
          <button type="button" className="icon-button" aria-label={t('detail.close')} onClick={onClose}>
            <Icon name="close" />
          </button>
        </div>
      </header>

      {view.subject && <p className="drawer-subject">{view.subject}</p>}

      <div className="drawer-actions">
        {onBoard && (
          <>
            <button type="button" className="button button-primary" onClick={() => flows.logTouch(view)} data-testid="detail-log">
              {t('detail.logTouch')}
            </button>
            <button type="button" className="button" onClick={() => flows.snooze(view)}>
              {t('detail.snooze')}
            </button>
            {view.status === 'waiting' ? (
              <button type="button" className="button" onClick={() => flows.delivered(view)} title={t('promise.deliveredHint')} data-testid="detail-delivered">
                <Icon name="check" size={14} /> {t('promise.delivered')}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => flows.wait(view)}>
                {t('detail.wait')}
              </button>
            )}
            <span className="button-group" role="group" aria-label={t('detail.closeAs')}>
              <span className="button-group-label">{t('detail.closeAs')}</span>
              {EXIT_STATUSES.map((s) => (
                <button key={s} type="button" className="button" onClick={() => flows.closeAs(view, s)}>
                  {statusLabel(t, s, view.kind)}
                </button>
              ))}
            </span>
          </>
        )}
        {!onBoard && (
          <button type="button" className="button button-primary" onClick={() => flows.reopen(view)}>
            {t('detail.reopen')}
          </button>
        )}
        <button type="button" className="button button-danger-ghost" onClick={() => flows.remove(view)}>
          <Icon name="trash" size={14} /> {t('detail.delete')}
        </button>
      </div>

      {onBoard && <NextTouchIdea view={view} />}

      <dl className="facts">
        <Fact label={t('detail.nextDue')}>
          {view.nextDueAt ? (
            <span className={`due-${view.dueState}`}>{formatDateTimeLong(view.nextDueAt, lang, timeZone)}</span>
          ) : (
            t('card.noDue')
          )}
        </Fact>
        {view.promise && (
          <Fact label={t('detail.promise')}>
            <span className={`promise-${view.promise.state}`} data-testid="detail-promise">
              {promiseText(t, view.promise, lang, now, timeZone)}
              {view.promise.what && ` · ${view.promise.what}`}
            </span>
          </Fact>
        )}
        <Fact label={t('detail.touches')}>{view.touchCount}</Fact>
        <Fact label={t('detail.cadence')}>
          {cadence}
          {view.cadenceNotice && (
            <span className="cadence-notice" role="note" data-testid="cadence-notice">
              {t(`detail.cadenceNotice.${view.cadenceNotice.code}`)}
            </span>
          )}
        </Fact>
        {view.email && <Fact label={t('detail.email')}>{view.email}</Fact>}
        {view.phone && <Fact label={t('detail.phone')}>{view.phone}</Fact>}
        {view.tags.length > 0 && (
          <Fact label={t('detail.tags')}>
            {view.tags.map((tag) => (
              <span key={tag} className="tag">
                #{tag}
              </span>
            ))}
          </Fact>
        )}
        <TeamFacts view={view} />
        <Fact label={t('detail.created')}>{formatDateTimeLong(view.createdAt, lang, timeZone)}</Fact>
        {view.notes && (
          <Fact label={t('detail.notes')} wide>
            <span className="pre">{view.notes}</span>
          </Fact>
        )}
      </dl>

      <Timeline view={view} />
      <p className="detail-zone muted" data-testid="detail-zone">
        {t('detail.timeZone', { zone: timeZone })}
      </p>
    </>
  )
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`fact ${wide ? 'fact-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** The touch log: the list's summary has none, so it comes with the contact's full view (`contacts:get`). */
function Timeline({ view }: { view: ContactSummary }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<Touch | null>(null)
  const commands = useCommands()
  const me = useData().settings?.sync?.user
  const full = useFullView(view)
  const numbered = (full.view?.touches ?? []).map((touch, i) => ({ touch, n: i + 1 })).reverse()

  return (
    <section className="timeline" aria-labelledby="timeline-title" aria-busy={!full.view && !full.error}>
      <h3 id="timeline-title" className="section-title">
        {t('detail.timeline')}
      </h3>
      {full.error ? (
        <div className="timeline-error" role="alert" data-testid="timeline-error">
          <p>{t('detail.timelineFailed', { message: errorText(full.error, t) })}</p>
          <button type="button" className="button" onClick={full.retry}>
            {t('app.retry')}
          </button>
        </div>
      ) : !full.view ? (
        <p className="muted" data-testid="timeline-loading">
          {t('detail.timelineLoading')}
        </p>
      ) : numbered.length === 0 ? (
        <p className="muted">{t('detail.noTouches')}</p>
      ) : (
        <ol className="timeline-list" data-testid="timeline">
          {numbered.map(({ touch, n }) =>
            editing === touch.id ? (
              <TouchEditor
                key={touch.id}
                touch={touch}
                n={n}
                createdAt={view.createdAt}
                onCancel={() => setEditing(null)}
                onSave={(patch) => (setEditing(null), void commands.editTouch(view, touch.id, patch))}
              />
            ) : (
              <TouchItem key={touch.id} touch={touch} n={n} shared={!!view.board} theirs={!!view.board && !!touch.by && touch.by !== me} onEdit={() => setEditing(touch.id)} onDelete={() => setDeleting(touch)} />
            )
          )}
        </ol>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('confirm.deleteTouchTitle')}
          confirmLabel={t('confirm.deleteTouchConfirm')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            setDeleting(null)
            void commands.deleteTouch(view, deleting.id)
          }}
        />
      )}
    </section>
  )
}

/** `theirs`: a teammate's touch on a shared board, which only its author may change (the server agrees). */
function TouchItem({ touch, n, shared, theirs, onEdit, onDelete }: { touch: Touch; n: number; shared: boolean; theirs: boolean; onEdit: () => void; onDelete: () => void }) {
  const { t, i18n } = useTranslation()
  const { timeZone } = useData()
  return (
    <li className="timeline-item">
      <span className="timeline-dot">
        <ChannelIcon channel={touch.channel} />
      </span>
      <div className="timeline-body">
        <div className="timeline-head">
          <strong>{t('detail.touchNumber', { n })}</strong>
          <span>{t(`channel.${touch.channel}`)}</span>
          <span className="muted">{formatDateTime(touch.at, i18n.language, timeZone)}</span>
          {touch.outcome && <span className={`outcome outcome-${touch.outcome}`}>{t(`outcome.${touch.outcome}`)}</span>}
          {/* On a shared board each touch says who made it. */}
          {shared && touch.by && <span className="timeline-by">{t('team.by', { name: touch.by })}</span>}
        </div>
        {touch.note && <p className="timeline-note">{touch.note}</p>}
      </div>
      <div className="timeline-actions" hidden={theirs}>
        <button type="button" className="icon-button" aria-label={`${t('detail.editTouch')} ${t('detail.touchNumber', { n })}`} title={t('detail.editTouch')} onClick={onEdit}>
          <Icon name="edit" size={14} />
        </button>
        <button type="button" className="icon-button" aria-label={`${t('detail.deleteTouch')} ${t('detail.touchNumber', { n })}`} title={t('detail.deleteTouch')} onClick={onDelete}>
          <Icon name="trash" size={14} />
        </button>
      </div>
    </li>
  )
}

/** datetime-local speaks the wall clock of the app's time zone (the one every date here is shown in); the data keeps instants. */
function toLocalInput(iso: string, timeZone: string): string {
  return toFloating(iso, timeZone).toISOString().slice(0, 16)
}

function fromLocalInput(value: string, timeZone: string): string {
  return fromFloating(new Date(`${value}:00Z`), timeZone).toISOString()
}

interface TouchEditorProps {
  touch: Touch
  n: number
  /** The contact's creation: an earlier date needs the person's confirmation (the service's `force`). */
  createdAt: string
  onSave: (patch: { channel: Channel; note: string; outcome: Outcome | null; at: string; force?: boolean }) => void
  onCancel: () => void
}

function TouchEditor({ touch, n, createdAt, onSave, onCancel }: TouchEditorProps) {
  const { t } = useTranslation()
  const [channel, setChannel] = useState<Channel>(touch.channel)
  const [note, setNote] = useState(touch.note ?? '')
  const [outcome, setOutcome] = useState<Outcome | ''>(touch.outcome ?? '')
  const { timeZone } = useData()
  const [at, setAt] = useState(toLocalInput(touch.at, timeZone))
  const [force, setForce] = useState(false)
  const beforeCreation = at !== '' && Date.parse(fromLocalInput(at, timeZone)) < Date.parse(createdAt)
  return (
    <li className="timeline-item is-editing">
      <form
        className="touch-editor"
        onSubmit={(e) => {
          e.preventDefault()
          onSave({ channel, note, outcome: outcome || null, at: fromLocalInput(at, timeZone), ...(beforeCreation && force ? { force: true } : {}) })
        }}
        onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), e.stopPropagation(), onCancel())}
      >
        <strong>{t('detail.touchNumber', { n })}</strong>
        <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)} aria-label={t('logTouch.channel')} autoFocus>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
        <OutcomeSelect value={outcome} onChange={setOutcome} label={t('logTouch.outcome')} />
        <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} aria-label={t('detail.when')} required />
        {beforeCreation && (
          <label className="touch-editor-force">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            {t('detail.beforeCreated')}
          </label>
        )}
        <input className="touch-editor-note" value={note} onChange={(e) => setNote(e.target.value)} aria-label={t('logTouch.note')} placeholder={t('logTouch.notePlaceholder')} />
        <div className="touch-editor-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('detail.cancelTouch')}
          </button>
          <button type="submit" className="button button-primary">
            {t('detail.saveTouch')}
          </button>
        </div>
      </form>
    </li>
  )
}
