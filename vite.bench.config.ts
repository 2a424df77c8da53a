import { resolve } from 'node:path'
import { mergeConfig } from 'vite'
import cli from './vite.cli.config'

// `npm run bench` runs bundles built like the CLI's (same bundled and external dependencies).
export default mergeConfig(cli, {
  build: {
    outDir: 'out/bench',
    lib: {
      entry: {
        bench: resolve(import.meta.dirname, 'bench/main.ts'),
        floors: resolve(import.meta.dirname, 'bench/floors.ts')
      },
      fileName: (_format: string, name: string) => `${name}.js`
    },
    rollupOptions: { output: { banner: '', entryFileNames: '[name].js' } }
  }
})
