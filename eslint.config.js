import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/**
 * The layers of DESIGN.md, enforced: imports point one way only,
 * core ← store ← service ← {cli, electron/main}; the renderer reaches the service only over IPC.
 */
const layer = (name) => ({ group: [`**/${name}`, `**/${name}/**`], message: `This layer must not import from ${name} (see DESIGN.md).` })
const nodeBuiltins = { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto'], message: 'Pure code: no Node built-ins here.' }
const electron = { group: ['electron', 'electron/*'], message: 'Only electron/ may import Electron.' }
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })

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
  { files: ['src/core/**'], rules: restrict(layer('store'), layer('service'), layer('cli'), layer('shared'), layer('renderer'), electron, nodeBuiltins) },
  { files: ['src/store/**'], rules: restrict(layer('service'), layer('cli'), layer('shared'), layer('renderer'), electron) },
  { files: ['src/service/**'], rules: restrict(layer('cli'), layer('renderer'), electron) },
  { files: ['src/cli/**'], rules: restrict(layer('renderer'), electron) },
  { files: ['src/shared/**'], rules: restrict(layer('store'), layer('service'), layer('cli'), layer('renderer'), electron, nodeBuiltins) },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(layer('store'), layer('service'), layer('cli'), { group: ['**/electron/**'], message: 'The renderer talks to main only through window.touchbase.' }, electron, nodeBuiltins)
    }
  },
  { files: ['electron/preload/**'], rules: restrict(layer('store'), layer('service'), layer('cli'), layer('renderer')) },
  { files: ['electron/main/**'], rules: restrict(layer('renderer')) }
)
