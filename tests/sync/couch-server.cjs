// Starts pouchdb-server 4.2 (arguments as its own command line), with one fix applied as it
// loads: its validate_doc_update plugin overwrites the `_revisions` of a replicated write
// (`_bulk_docs` with new_edits: false) with those of the current revision, so on any database
// with a design doc every replicated update is silently dropped. CouchDB keeps the incoming
// history; so does this. See docs/sync.md ("What was checked against which server").
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: it swaps a module in require.cache before pouchdb-server loads it */
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const Module = require('node:module')

const file = require.resolve('pouchdb-validation')
const buggy = 'newDoc._revisions = (oldDoc || {})._revisions;'
const source = fs.readFileSync(file, 'utf8')
if (!source.includes(buggy)) throw new Error(`pouchdb-validation changed; re-check the fix in ${__filename}`)
const fixed = new Module(file, module)
fixed.filename = file
fixed.paths = Module._nodeModulePaths(path.dirname(file))
fixed._compile(source.replace(buggy, 'if (!newDoc._revisions) ' + buggy), file)
fixed.loaded = true
require.cache[file] = fixed

require('pouchdb-server/lib/index.js')
