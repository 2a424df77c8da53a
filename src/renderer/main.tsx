import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { initI18n, resolveLanguage } from './i18n'
import { QuickLogApp } from './quick-log/QuickLogApp'
import './styles/app.css'
import './styles/loop.css'

// The OS language until the saved setting arrives; App switches if the user chose another.
const language = resolveLanguage('system')
initI18n(language)
document.documentElement.lang = language

// One renderer, two windows: main loads the quick-log window with this hash (ARCHITECTURE.md, "Windows").
const quickLog = window.location.hash === '#quick-log'
document.body.classList.toggle('is-quick-log', quickLog)

createRoot(document.getElementById('root')!).render(<StrictMode>{quickLog ? <QuickLogApp /> : <App />}</StrictMode>)
