import { describe, expect, it } from 'vitest'
import { VALIDATE_DOC_UPDATE } from '../../../src/core/sync/design-doc'
import { classifySyncError, retryDelay, shouldRetry, DEFAULT_BACKOFF } from '../../../src/core/sync/status'

// The board rules run on the server; here they run as CouchDB would call them.
const validate = new Function(`return (${VALIDATE_DOC_UPDATE})`)() as (n: object, o: object | null, u: object, s: object) => void
const members = { members: { names: ['alice', 'bob'], roles: ['team'] } }
const user = (name: string | null, roles: string[] = []) => ({ name, roles })
const touchDoc = (by: string, extra = {}) => ({ _id: 'touch:c:1', type: 'touch', at: '2026-01-01T00:00:00Z', channel: 'call', by, ...extra })
const contactDoc = (editor: string) => ({ _id: 'contact:c', type: 'contact', editor, fields: {} })
const outcome = (run: () => void) => {
  try {
    run()
    return 'ok'
  } catch (e) {
    return Object.keys(e as object)[0]
  }
}

describe('validate_doc_update (team board rules)', () => {
  it('is ES5, so every CouchDB 3 JavaScript engine runs it', () => {
    expect(VALIDATE_DOC_UPDATE).not.toMatch(/=>|`|\blet\b|\bconst\b|\.includes\(|\.\.\./)
  })

  it.each<[string, object, object | null, object, object, string]>([
    ['a member logs a touch as herself', touchDoc('alice'), null, user('alice'), members, 'ok'],
    ['a touch in another member\u2019s name', touchDoc('bob'), null, user('alice'), members, 'forbidden'],
    ['a non-member', touchDoc('eve'), null, user('eve'), members, 'forbidden'],
    ['a member by role', touchDoc('carol'), null, user('carol', ['team']), members, 'ok'],
    ['anonymous', touchDoc('x'), null, user(null), members, 'unauthorized'],
    ['a board left without members (CouchDB would make it public)', touchDoc('eve'), null, user('eve'), { members: { names: [], roles: [] } }, 'forbidden'],
    ['changing an existing touch', touchDoc('alice', { note: 'new' }), touchDoc('alice'), user('alice'), members, 'forbidden'],
    ['its author deletes a touch', { _id: 'touch:c:1', _deleted: true }, touchDoc('alice'), user('alice'), members, 'ok'],
    ['someone else deletes it', { _id: 'touch:c:1', _deleted: true }, touchDoc('alice'), user('bob'), members, 'forbidden'],
    ['a touch logged again after its deletion', touchDoc('bob'), { _id: 'touch:c:1', _deleted: true }, user('bob'), members, 'ok'],
    ['a touch without a channel', touchDoc('alice', { channel: undefined }), null, user('alice'), members, 'forbidden'],
    ['a contact revision naming its writer', contactDoc('alice'), null, user('alice'), members, 'ok'],
    ['a contact revision naming someone else', contactDoc('bob'), null, user('alice'), members, 'forbidden'],
    ['a losing contact revision removed', { _id: 'contact:c', _deleted: true }, contactDoc('bob'), user('alice'), members, 'ok'],
    ['anything else', { _id: 'note:1' }, null, user('alice'), members, 'forbidden'],
    ['a server admin repairs anything', touchDoc('bob', { note: 'x' }), touchDoc('bob'), user('root', ['_admin']), members, 'ok'],
    ['pouchdb-server\u2019s empty security object on _bulk_docs', touchDoc('alice'), null, user('alice'), {}, 'ok']
  ])('%s', (_name, newDoc, oldDoc, userCtx, secObj, expected) => {
    expect(outcome(() => validate(newDoc, oldDoc, userCtx, secObj))).toBe(expected)
  })
})

describe('sync status', () => {
  const what = { server: 'https://couch.example.com', database: 'procurement' }
  it.each<[string, object, string, string]>([
    ['connection refused', { code: 'ECONNREFUSED', message: 'request failed' }, 'offline', 'offline'],
    ['DNS failure wrapped by fetch', { message: 'fetch failed', cause: { code: 'ENOTFOUND' } }, 'offline', 'offline'],
    ['wrong password', { status: 401, message: 'Name or password is incorrect.' }, 'error', 'wrong-password'],
    ['CouchDB: not a member', { status: 403, message: 'You are not allowed to access this db.' }, 'error', 'not-member'],
    ['pouchdb-server: not a member', { status: 401, reason: 'You are not authorized to access this db.' }, 'error', 'not-member'],
    ['no such database', { status: 404, message: 'Database does not exist.' }, 'error', 'no-database'],
    ['server trouble', { status: 503, message: 'unavailable' }, 'offline', 'offline'],
    ['not CouchDB', { status: 400, message: 'bad request' }, 'error', 'bad-server']
  ])('%s', (_name, error, state, reason) => {
    expect(classifySyncError(error, what)).toMatchObject({ state, reason })
  })

  it('retries offline quietly with capped, jittered exponential backoff; a wrong password waits for new settings', () => {
    expect(retryDelay(0, 0.5)).toBe(0)
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 0))).toEqual([2_500, 5_000, 10_000, 20_000])
    expect(retryDelay(50, 0.999)).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs)
    expect(retryDelay(50, 0)).toBe(DEFAULT_BACKOFF.maxMs / 2)
    expect(shouldRetry({ state: 'offline', reason: 'offline' })).toBe(true)
    expect(shouldRetry({ state: 'error', reason: 'wrong-password' })).toBe(false)
    expect(shouldRetry({ state: 'error', reason: 'busy' })).toBe(true)
  })
})
