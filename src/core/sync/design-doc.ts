/**
 * The server-side rules of a team board, installed as `_design/touchbase`. CouchDB runs
 * `validate_doc_update` on every write, including those that arrive by replication, so no
 * client can bypass it. The source is ES5: CouchDB 3's JavaScript engine (SpiderMonkey 1.8.5 in
 * older builds) and pouchdb-server both run it.
 *
 * - Only members (or server admins) may write. CouchDB already refuses non-members at the
 *   database; this repeats it for a board whose member list was left empty, which CouchDB
 *   would treat as public. (pouchdb-server passes an empty security object to this function on
 *   `_bulk_docs`; there the database-level check is what refuses non-members.)
 * - A touch must be logged as the writing user (`by`), is never changed, and only its author
 *   may delete it.
 * - A contact revision must name its writer (`editor`).
 * - Nothing else may be stored.
 */
export const DESIGN_DOC_ID = '_design/touchbase'

export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var name = userCtx.name;
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  if (!name) throw({ unauthorized: 'Log in to write to this board.' });
  var members = secObj && secObj.members;
  if (members) {
    var isMember = (members.names || []).indexOf(name) !== -1;
    var memberRoles = members.roles || [];
    for (var i = 0; i < memberRoles.length; i++) {
      if (roles.indexOf(memberRoles[i]) !== -1) isMember = true;
    }
    if (!isMember) throw({ forbidden: 'Only members of this board may write to it.' });
  }
  var id = String(newDoc._id);
  var live = oldDoc && !oldDoc._deleted;
  if (id.indexOf('touch:') === 0) {
    if (newDoc._deleted) {
      if (live && oldDoc.by !== name) throw({ forbidden: 'Only the author of a touch may delete it.' });
      return;
    }
    if (live) throw({ forbidden: 'A touch is written once and never changed; delete it and log a new one.' });
    if (newDoc.type !== 'touch' || typeof newDoc.at !== 'string' || typeof newDoc.channel !== 'string') {
      throw({ forbidden: 'A touch needs type "touch", "at" and "channel".' });
    }
    if (newDoc.by !== name) throw({ forbidden: 'A touch must be logged as the user who writes it ("by").' });
    return;
  }
  if (id.indexOf('contact:') === 0) {
    if (newDoc._deleted) return;
    if (newDoc.type !== 'contact' || typeof newDoc.fields !== 'object' || newDoc.fields === null) {
      throw({ forbidden: 'A contact needs type "contact" and "fields".' });
    }
    if (newDoc.editor !== name) throw({ forbidden: 'A contact revision must name the user who writes it ("editor").' });
    return;
  }
  throw({ forbidden: 'A Touchbase board holds only contact: and touch: documents.' });
}`

export const DESIGN_DOC = { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: VALIDATE_DOC_UPDATE } as const
