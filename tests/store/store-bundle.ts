import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll } from 'vitest'

const repoRoot = resolve(__dirname, '../..')
/** Bundled like the CLI bundles them (see vite.cli.config.ts): rrule's ESM entry does not load in plain Node. */
const bundled = new Set(['rrule', 'lowdb', 'steno'])
const externalPackages = ['zod', 'luxon']
const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...externalPackages]

export interface StoreBundle {
  /** Absolute path of the built src/store/index.ts as an ES module plain `node` can import. */
  entry: string
  cleanup(): Promise<void>
}

/**
 * Child processes run plain `node`, which cannot import .ts, so build src/store once per test
 * file. The output sits in a temp folder whose node_modules links to the repo's, so the
 * external packages resolve exactly as they do for the app.
 */
export async function buildStoreBundle(): Promise<StoreBundle> {
  const outDir = await mkdtemp(join(tmpdir(), 'touchbase-store-bundle-'))
  await symlink(join(repoRoot, 'node_modules'), join(outDir, 'node_modules'), 'junction')
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'silent',
    build: {
      target: 'node20',
      outDir,
      emptyOutDir: false,
      minify: false,
      // An SSR build (Node target) of one entry; lib mode's fileName is ignored when ssr is set.
      ssr: join(repoRoot, 'src/store/index.ts'),
      rollupOptions: {
        external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
        output: { format: 'es', entryFileNames: 'store.mjs' }
      }
    },
    ssr: { noExternal: [...bundled] }
  })
  return {
    entry: join(outDir, 'store.mjs'),
    cleanup: () => rm(outDir, { recursive: true, force: true })
  }
}

/**
 * Builds the bundle before a test file's tests and removes it after; read `.entry` inside tests.
 * Call at the top of the file.
 */
export function useStoreBundle(): { readonly entry: string } {
  let bundle: StoreBundle | undefined
  beforeAll(async () => {
    bundle = await buildStoreBundle()
  })
  afterAll(() => bundle?.cleanup())
  return {
    get entry() {
      return bundle!.entry
    }
  }
}
