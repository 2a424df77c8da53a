import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/**
 * The layers of docs/ARCHITECTURE.md, enforced: imports point one way only,
 * core ← store ← service ← sync ← {cli, electron/main}; the renderer reaches the service only over IPC.
 * The one exception is src/shared/ipc.ts, which derives the contract's types from the handler map
 * in src/service/api.ts with a type-only import (see ARCHITECTURE.md, "The IPC contract").
 */
const layer = (name) => ({ group: [`**/${name}`, `**/${name}/**`], message: `This layer must not import from ${name} (see DESIGN.md).` })
// src/sync (the Node sync layer), not src/core/sync (its pure decisions, usable everywhere).
const syncLayer = { group: ['**/sync', '**/sync/**', '!**/core/sync', '!**/core/sync/**'], message: 'This layer must not import from sync (see DESIGN.md).' }
const nodeBuiltins = { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto'], message: 'Pure code: no Node built-ins here.' }
const electron = { group: ['electron', 'electron/*'], message: 'Only electron/ may import Electron.' }
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] })
const typesOnly = (pattern) => ({ ...pattern, allowTypeImports: true, message: `${pattern.message} Type-only imports of the contract are allowed.` })
/** The renderer runs in a sandboxed page: Node's globals do not exist there. */
const nodeGlobals = ['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global'].map((name) => ({ name, message: 'The renderer has no Node.js globals.' }))

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'docs/**', 'src/**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  { files: ['src/core/**'], rules: restrict(layer('store'), layer('service'), syncLayer, layer('cli'), layer('shared'), layer('renderer'), electron, nodeBuiltins) },
  { files: ['src/store/**'], rules: restrict(layer('service'), syncLayer, layer('cli'), layer('shared'), layer('renderer'), electron) },
  { files: ['src/service/**'], rules: restrict(syncLayer, layer('cli'), layer('renderer'), electron) },
  { files: ['src/sync/**'], rules: restrict(layer('cli'), layer('renderer'), electron) },
  { files: ['src/cli/**'], rules: restrict(layer('renderer'), electron) },
  { files: ['src/shared/**'], rules: restrict(layer('store'), typesOnly(layer('service')), syncLayer, layer('cli'), layer('renderer'), electron, nodeBuiltins) },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', ...nodeGlobals],
      ...restrict(layer('store'), layer('service'), syncLayer, layer('cli'), { group: ['**/electron/**'], message: 'The renderer talks to main only through window.touchbase.' }, electron, nodeBuiltins)
    }
  },
  { files: ['electron/preload/**'], rules: restrict(layer('store'), layer('service'), layer('cli'), layer('renderer')) },
  { files: ['electron/main/**'], rules: restrict(layer('renderer')) }
)
