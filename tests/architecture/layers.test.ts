/**
 * The layering of docs/ARCHITECTURE.md is enforced by the lint config; these probes prove the
 * rules bite, by linting small files placed (virtually) in each layer.
 */
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: ROOT })

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) })
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`)
}

describe('layers', () => {
  it.each([
    ['src/core/probe.ts', "import { openStore } from '../store'\nexport const x = openStore"],
    ['src/core/probe.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
    ['src/store/probe.ts', "import { TouchbaseService } from '../service/service'\nexport const x = TouchbaseService"],
    ['src/service/probe.ts', "import { buildProgram } from '../cli/program'\nexport const x = buildProgram"],
    ['src/renderer/probe.ts', "import { openStore } from '../store'\nexport const x = openStore"],
    ['src/renderer/probe.ts', "import type { ApiHandlers } from '../service/api'\nexport type X = ApiHandlers"],
    ['src/renderer/probe.ts', 'export const home = process.env.HOME'],
    ['src/shared/probe.ts', "import { createApiHandlers } from '../service/api'\nexport const x = createApiHandlers"]
  ])('refuses %s: %s', async (file, code) => {
    expect(await problems(file, code)).not.toEqual([])
  })

  it.each([
    ['src/shared/probe.ts', "import type { ApiHandlers } from '../service/api'\nexport type X = ApiHandlers"],
    ['src/renderer/probe.ts', "import { dueList } from '../core/contact-view'\nexport const x = dueList"],
    ['src/cli/probe.ts', "import { openService } from '../service'\nexport const x = openService"]
  ])('allows %s: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([])
  })
})
