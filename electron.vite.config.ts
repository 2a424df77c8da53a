import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { cspMetaTag } from './electron/main/security-policy'

// rrule's package "main" is CommonJS without named-export hints, so native ESM cannot
// `import { RRule }` from it; bundling it (vite resolves its ESM "module" build) avoids that.
const bundled = ['rrule', 'lowdb', 'steno']

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundled },
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot be an ES module.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } }
    },
    // The CSP <meta> is written from the same constant as the header main sends, never by hand.
    plugins: [react(), { name: 'touchbase-csp-meta', transformIndexHtml: () => [cspMetaTag()] }]
  }
})
