import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { subscribe } from '../api/client'
import { Board } from '../board/Board'
import { useBoard } from '../board/useBoard'
import { BlockView } from '../block/BlockView'
import { ContactDetail } from '../contacts/ContactDetail'
import { ContactForm } from '../contacts/ContactForm'
import { useAppearance } from './appearance'
import { InsightsView } from '../insights/InsightsView'
import { ExportButton } from '../interop/ExportButton'
import { ImportButton } from '../interop/ImportButton'
import { SettingsDialog } from '../settings/SettingsDialog'
import { ShortcutsDialog } from '../settings/ShortcutsDialog'
import { TodayView } from '../today/TodayView'
import { SyncIndicator } from '../syncing/SyncIndicator'
import { DataFileBanner } from '../datafile/DataFileBanner'
import { useDataFile } from '../datafile/useDataFile'
import { Icon } from '../ui/icons'
import { ToastProvider } from '../ui/Toast'
import { DataProvider, useData } from './data'
import { FilterBar, type Filters } from './FilterBar'
import { EmptyStart } from './EmptyStart'
import { FlowProvider } from './flows'
import { isTyping } from '../ui/menu-keys'

export type View = 'board' | 'today' | 'insights'
type FormState = { mode: 'new' } | { mode: 'edit'; id: string } | null

export function App() {
  return (
    <DataProvider>
      <ToastProvider>
        <FlowProvider>
          <Shell />
        </FlowProvider>
      </ToastProvider>
    </DataProvider>
  )
}

function Shell() {
  const { t } = useTranslation()
  const { contacts, settings, loadError, reload, now, timeZone } = useData()
  const [view, setView] = useState<View>('board')
  const [query, setQuery] = useState<Filters>({})
  const [detailId, setDetailId] = useState<string | null>(null)
  const [form, setForm] = useState<FormState>(null)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [helpOpen, setHelpOpen] = useState(false)
  const [blockOpen, setBlockOpen] = useState(false)
  const search = useRef<HTMLInputElement>(null)
  const dataFile = useDataFile()
  const unusable = dataFile.status !== null && dataFile.status.state !== 'ok'
  useAppearance(settings)

  // Typing stays responsive on a 10,000-card board: filtering runs behind the keystrokes.
  const deferredQuery = useDeferredValue(query)
  const { board, shown } = useBoard(contacts, deferredQuery, { now, timeZone, me: settings?.sync?.user })
  const dueCount = useMemo(() => (contacts ?? []).filter((c) => c.dueState === 'overdue' || c.dueState === 'today').length, [contacts])

  useEffect(() => {
    const offDue = subscribe('reminder:open-due', () => {
      setDetailId(null)
      setView('today')
    })
    const offOpen = subscribe('contact:open', (id) => setDetailId(id))
    const offBlock = subscribe('block:start', () => {
      setDetailId(null)
      setBlockOpen(true)
    })
    return () => {
      offDue()
      offOpen()
      offBlock()
    }
  }, [])

  const anyModal = form !== null || settingsOpen || helpOpen
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (blockOpen || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      if (document.querySelector('dialog[open]')) return
      const actions: Record<string, () => void> = {
        n: () => setForm({ mode: 'new' }),
        '/': () => {
          setView('board')
          search.current?.focus()
        },
        '?': () => setHelpOpen(true),
        b: () => setBlockOpen(true),
        B: () => setBlockOpen(true),
        '1': () => setView('board'),
        '2': () => setView('today'),
        '3': () => setView('insights')
      }
      const action = actions[event.key]
      if (action) {
        event.preventDefault()
        action()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [anyModal, blockOpen])

  const openContact = useCallback((id: string) => setDetailId(id), [])
  const closeBlock = useCallback(() => {
    setBlockOpen(false)
    setView('today')
  }, [])

  return (
    <div className="app">
      <header className="toolbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="18" height="18">
              <path d="M4 6h4v12H4zM10 6h4v8h-4zM16 6h4v4h-4z" fill="currentColor" />
            </svg>
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <nav className="view-tabs" aria-label={t('views.label')}>
          {(['board', 'today', 'insights'] as const).map((v) => (
            <button key={v} type="button" className={`view-tab ${view === v && !blockOpen ? 'is-current' : ''}`} aria-current={view === v && !blockOpen ? 'page' : undefined} onClick={() => (setBlockOpen(false), setView(v))} data-testid={`tab-${v}`}>
              {t(`views.${v}`)}
              {v === 'today' && dueCount > 0 && <span className="tab-badge">{dueCount}</span>}
            </button>
          ))}
        </nav>
        <div className="search">
          <Icon name="search" size={15} />
          <input
            ref={search}
            type="search"
            placeholder={t('toolbar.search')}
            aria-label={t('toolbar.search')}
            value={query.text ?? ''}
            onChange={(e) => setQuery((q) => ({ ...q, text: e.target.value || undefined }))}
            onKeyDown={(e) => e.key === 'Escape' && (setQuery((q) => ({ ...q, text: undefined })), e.currentTarget.blur())}
            data-testid="search"
          />
          <kbd className="search-key">/</kbd>
        </div>
        <div className="toolbar-actions">
          <ImportButton />
          <ExportButton />
          <button type="button" className="icon-button" title={`${t('toolbar.shortcuts')} (?)`} aria-label={t('toolbar.shortcuts')} onClick={() => setHelpOpen(true)}>
            <Icon name="keyboard" />
          </button>
          <SyncIndicator onOpen={() => setSettingsOpen(true)} />
          <button type="button" className="icon-button" title={t('toolbar.settings')} aria-label={t('toolbar.settings')} onClick={() => setSettingsOpen(true)} data-testid="open-settings">
            <Icon name="gear" />
          </button>
          <button type="button" className="button button-primary" onClick={() => setForm({ mode: 'new' })} data-testid="new-contact">
            <Icon name="plus" size={15} />
            {t('toolbar.newContact')}
            <kbd>N</kbd>
          </button>
        </div>
      </header>

      <DataFileBanner state={dataFile} />

      {view === 'board' && contacts && contacts.length > 0 && <FilterBar query={query} onChange={setQuery} contacts={contacts} shown={shown} />}

      <main className={`main main-${blockOpen ? 'block' : view}`}>
        {loadError ? (
          <div className="load-error" role="alert">
            <p>{t('app.loadFailed', { message: loadError })}</p>
            <button type="button" className="button" onClick={() => void reload()}>
              {t('app.retry')}
            </button>
          </div>
        ) : !contacts ? (
          // Started on a damaged file: the banner above says what happened and offers the ways back.
          <div className="loading" data-testid={unusable ? 'data-unavailable' : undefined}>
            {unusable ? t('dataFile.unavailable') : t('app.loading')}
          </div>
        ) : blockOpen ? (
          <BlockView onClose={closeBlock} onOpen={openContact} />
        ) : view === 'board' ? (
          <>
            <Board board={board} onOpen={openContact} />
            {contacts.length === 0 && <EmptyStart view={view} onAdd={() => setForm({ mode: 'new' })} />}
          </>
        ) : contacts.length === 0 ? (
          <EmptyStart view={view} onAdd={() => setForm({ mode: 'new' })} />
        ) : view === 'today' ? (
          <TodayView onOpen={openContact} onStartBlock={() => setBlockOpen(true)} />
        ) : (
          <InsightsView onOpen={openContact} />
        )}
      </main>

      {detailId && <ContactDetail id={detailId} onClose={() => setDetailId(null)} onEdit={(id) => setForm({ mode: 'edit', id })} />}
      {form && <ContactForm editId={form.mode === 'edit' ? form.id : null} onClose={() => setForm(null)} />}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
    </div>
  )
}
