import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactSummary } from '../../core/contact-view'
import { useAppearance } from '../app/appearance'
import { useCommands } from '../app/commands'
import { DataProvider, useData } from '../app/data'
import { useDataFile } from '../datafile/useDataFile'
import { formatDay, formatRelative } from '../format/dates'
import { dueNowText } from '../format/loop-text'
import { ChannelIcon } from '../ui/icons'
import { ToastProvider } from '../ui/Toast'
import { submitOnInputEnter, TouchFields, useTouchDraft } from '../ui/TouchFields'
import { createContactSearch, type ContactHit } from './contact-search'

const RESULTS = 8

/**
 * The quick-log window (`#quick-log`), opened from any app by the global shortcut or the tray:
 * type a few letters of a name, org or subject, Enter picks the contact, Enter logs the touch
 * (channel suggested, outcome and note optional). Escape steps back, then closes the window.
 */
export function QuickLogApp() {
  return (
    <DataProvider>
      <ToastProvider>
        <QuickLog />
      </ToastProvider>
    </DataProvider>
  )
}

function QuickLog() {
  const { t } = useTranslation()
  const { contacts, settings, loadError } = useData()
  useAppearance(settings)
  // A damaged or vanished data file: the main window's banner has the ways back; this small
  // window says why a touch cannot be saved now, and where to go.
  const dataFile = useDataFile().status
  const dataProblem = dataFile && dataFile.state !== 'ok' ? dataFile.state : null
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [pickedId, setPickedId] = useState<string | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    document.title = t('quickLog.windowTitle')
  }, [t])

  const search = useMemo(() => createContactSearch(contacts ?? []), [contacts])
  // Typing never waits for the search: results follow a keystroke behind at worst.
  const deferredQuery = useDeferredValue(query)
  const hits = useMemo(() => search(deferredQuery, RESULTS), [search, deferredQuery])
  const picked = pickedId ? (contacts?.find((c) => c.id === pickedId) ?? null) : null

  const backToSearch = useCallback((clear: boolean) => {
    setPickedId(null)
    if (clear) {
      setQuery('')
      setActive(0)
    }
    requestAnimationFrame(() => searchRef.current?.select())
  }, [])

  // The window is shown again and again (shortcut, tray): each time it starts at the search box.
  useEffect(() => {
    const onFocus = () => {
      if (!document.querySelector('.quick-log-form')) searchRef.current?.select()
    }
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [])

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return
    const move = (delta: number) => {
      event.preventDefault()
      if (hits.length) setActive((i) => (i + delta + hits.length) % hits.length)
    }
    switch (event.key) {
      case 'ArrowDown':
        return move(1)
      case 'ArrowUp':
        return move(-1)
      case 'Enter': {
        event.preventDefault()
        const hit = hits[Math.min(active, hits.length - 1)]
        if (hit) setPickedId(hit.view.id)
        return
      }
      case 'Escape':
        event.preventDefault()
        if (query) return setQuery('')
        return window.close()
    }
  }

  const activeIndex = Math.min(active, hits.length - 1)
  return (
    <div className="quick-log" data-testid="quick-log">
      <header className="quick-log-header">
        <h1 className="quick-log-title">{t('quickLog.title')}</h1>
        <span className="quick-log-keys">{picked ? t('quickLog.keysForm') : t('quickLog.keysSearch')}</span>
      </header>
      {loadError && (
        <p className="form-alert" role="alert">
          {t('app.loadFailed', { message: loadError })}
        </p>
      )}
      {dataProblem && (
        <p className="form-alert" role="alert" data-testid="quick-log-data-problem">
          <strong>{t(dataProblem === 'missing' ? 'dataFile.missing.title' : 'dataFile.damaged.title')}</strong> {t('quickLog.dataProblem')}
        </p>
      )}
      {picked ? (
        <QuickLogForm key={picked.id} view={picked} onBack={() => backToSearch(false)} onLogged={() => backToSearch(true)} />
      ) : (
        <div className="quick-log-search">
          <input
            ref={searchRef}
            className="quick-log-input"
            type="text"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls="quick-log-results"
            aria-activedescendant={hits.length ? `quick-log-hit-${activeIndex}` : undefined}
            aria-autocomplete="list"
            aria-label={t('quickLog.search')}
            placeholder={t('quickLog.search')}
            autoFocus
            spellCheck={false}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value)
              setActive(0)
            }}
            onKeyDown={onSearchKey}
            data-testid="quick-log-search"
          />
          {!contacts ? (
            <p className="quick-log-empty">{dataProblem ? null : t('app.loading')}</p>
          ) : hits.length === 0 ? (
            <p className="quick-log-empty">{contacts.length === 0 ? t('quickLog.noContacts') : deferredQuery.trim() ? t('quickLog.noMatch', { query: deferredQuery.trim() }) : t('quickLog.typeToSearch')}</p>
          ) : (
            <>
              {!deferredQuery.trim() && <p className="quick-log-section">{t('quickLog.suggestions')}</p>}
              <ul id="quick-log-results" className="quick-log-results" role="listbox" aria-label={t('quickLog.results')}>
                {hits.map((hit, i) => (
                  <HitRow key={hit.view.id} hit={hit} index={i} active={i === activeIndex} onPick={() => setPickedId(hit.view.id)} />
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  )
}

function HitRow({ hit, index, active, onPick }: { hit: ContactHit; index: number; active: boolean; onPick: () => void }) {
  const { t } = useTranslation()
  const { view, matches } = hit
  const ref = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' })
  }, [active])
  return (
    <li
      ref={ref}
      id={`quick-log-hit-${index}`}
      role="option"
      aria-selected={active}
      className={`quick-log-hit ${active ? 'is-active' : ''}`}
      // The search box keeps focus; a click picks without moving it first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
      data-testid="quick-log-hit"
    >
      <span className="quick-log-hit-name">
        <Highlighted text={view.name} indexes={matches.name} />
      </span>
      {view.org && (
        <span className="quick-log-hit-org">
          <Highlighted text={view.org} indexes={matches.org} />
        </span>
      )}
      {view.subject && (
        <span className="quick-log-hit-subject">
          <Highlighted text={view.subject} indexes={matches.subject} />
        </span>
      )}
      <span className="quick-log-hit-meta">
        {view.status === 'active' || view.status === 'waiting' ? <DueText view={view} /> : t(`status.${view.status}`)}
      </span>
    </li>
  )
}

function DueText({ view }: { view: ContactSummary }) {
  const { t } = useTranslation()
  const due = dueNowText(t, view)
  if (due) return <span className={`due-${view.dueState}`}>{due}</span>
  return <span className="muted">{t('today.touchCount', { count: view.touchCount })}</span>
}

/** The matched letters in bold, from fuzzysort's indexes. */
function Highlighted({ text, indexes }: { text: string; indexes?: readonly number[] | undefined }) {
  if (!indexes?.length) return <>{text}</>
  const marked = new Set(indexes)
  const parts: { text: string; mark: boolean }[] = []
  for (const [i, ch] of Array.from(text).entries()) {
    const mark = marked.has(i)
    const last = parts.at(-1)
    if (last && last.mark === mark) last.text += ch
    else parts.push({ text: ch, mark })
  }
  return (
    <>
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  )
}

function QuickLogForm({ view, onBack, onLogged }: { view: ContactSummary; onBack: () => void; onLogged: () => void }) {
  const { t, i18n } = useTranslation()
  const { now, timeZone } = useData()
  const commands = useCommands()
  const draft = useTouchDraft(view.suggestedChannel)
  const [busy, setBusy] = useState(false)
  const noteRef = useRef<HTMLTextAreaElement>(null)
  useEffect(() => noteRef.current?.focus(), [])

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (busy) return
    setBusy(true)
    const after = await commands.logTouch(view, draft.input())
    setBusy(false)
    if (after) onLogged()
  }

  return (
    <form
      className="quick-log-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          onBack()
        } else submitOnInputEnter(e, () => void submit())
      }}
      data-testid="quick-log-form"
    >
      <div className="quick-log-contact">
        <div className="quick-log-contact-name">
          <strong>{view.name}</strong>
          {view.org && <span className="muted">{view.org}</span>}
        </div>
        {view.subject && <div className="quick-log-contact-subject">{view.subject}</div>}
        <div className="quick-log-contact-meta">
          <span>{t('quickLog.touchNumber', { n: view.touchCount + 1 })}</span>
          {view.lastTouchAt && view.lastChannel && (
            <span>
              <ChannelIcon channel={view.lastChannel} /> {t('quickLog.last', { when: formatRelative(view.lastTouchAt, i18n.language, now, timeZone) })}
            </span>
          )}
          {view.status === 'waiting' && view.waitingUntil && <span className="due-upcoming">{t('card.waitingUntil', { date: formatDay(view.waitingUntil, i18n.language, now, timeZone) })}</span>}
        </div>
      </div>
      <TouchFields draft={draft} suggested={view.suggestedChannel} onEnter={() => void submit()} autoFocus="note" noteRef={noteRef} name="quick-log-channel" />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack}>
          {t('quickLog.back')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="quick-log-confirm">
          {t('logTouch.confirm')}
        </button>
      </div>
    </form>
  )
}
