import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { initI18n, resolveLanguage } from './i18n'
import './styles/app.css'

// The OS language until the saved setting arrives; App switches if the user chose another.
const language = resolveLanguage('system')
initI18n(language)
document.documentElement.lang = language

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
