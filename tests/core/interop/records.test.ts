import { describe, expect, it } from 'vitest'
import { personName } from '../../../src/core/interop/records'

describe('personName', () => {
  it.each([
    [['Ada', undefined, 'Lovelace'], 'Ada Lovelace'],
    [['Ada', 'King', 'Lovelace'], 'Ada King Lovelace'],
    [['美玲', undefined, '陈'], '陈美玲'],
    [['太郎', undefined, '山田'], '山田太郎'],
    [['민준', undefined, '김'], '김민준'],
    [['Mei-Ling', undefined, '陈'], 'Mei-Ling 陈'],
    [[undefined, undefined, '陈'], '陈'],
    [[' ', undefined, undefined], undefined]
  ] as const)('joins %j as %j', (parts, expected) => {
    expect(personName(...parts)).toBe(expected)
  })
})
