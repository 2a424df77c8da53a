import { resolve } from 'node:path'
import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'
import pkg from './package.json' with { type: 'json' }

// The CLI bundles rrule (see electron.vite.config.ts), and zod and commander, which every command
// loads: in one file, `touchbase list` starts in about 60 ms of CPU instead of 100 (zod is some
// 40 modules to resolve and read). The other dependencies stay external.
const bundled = new Set(['rrule', 'lowdb', 'steno', 'zod', 'commander'])
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies).filter((d) => !bundled.has(d))
]

export default defineConfig({
  build: {
    target: 'node24',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    ssr: true,
    lib: { entry: resolve(import.meta.dirname, 'src/cli/main.ts'), formats: ['es'], fileName: () => 'touchbase.js' },
    rollupOptions: {
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { banner: '#!/usr/bin/env node', entryFileNames: 'touchbase.js' }
    }
  },
  ssr: { noExternal: [...bundled] }
})
