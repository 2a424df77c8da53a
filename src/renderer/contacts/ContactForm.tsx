import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CONTACT_KINDS, ContactInputSchema, PRIORITIES, type ContactKind, type Priority } from '../../core/model'
import { issueCodes } from '../../core/issues'
import { ApiError } from '../api/client'
import { errorText } from '../api/error-text'
import { useCommands } from '../app/commands'
import { useData } from '../app/data'
import { Dialog } from '../ui/Dialog'
import { CadenceEditor } from './CadenceEditor'
import { choiceOf, ruleOf, type CadenceChoice } from './cadence-presets'
import { fieldErrors, issueText, serviceFieldOf } from './issues'

interface Props {
  /** The contact to edit; null adds a new one. */
  editId: string | null
  onClose: () => void
}

interface Fields {
  name: string
  org: string
  kind: ContactKind
  priority: Priority
  email: string
  phone: string
  tags: string
  subject: string
  notes: string
}

export function ContactForm({ editId, onClose }: Props) {
  const { t } = useTranslation()
  const { contacts } = useData()
  const commands = useCommands()
  const editing = editId ? (contacts?.find((c) => c.id === editId) ?? null) : null
  const [fields, setFields] = useState<Fields>(() => ({
    name: editing?.name ?? '',
    org: editing?.org ?? '',
    kind: editing?.kind ?? 'lead',
    priority: editing?.priority ?? 'normal',
    email: editing?.email ?? '',
    phone: editing?.phone ?? '',
    tags: editing?.tags.join(', ') ?? '',
    subject: editing?.subject ?? '',
    notes: editing?.notes ?? ''
  }))
  const [cadence, setCadence] = useState<CadenceChoice>(() => choiceOf(editing?.cadence))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [rejected, setRejected] = useState<string[]>([])
  const [saving, setSaving] = useState(false)
  const title = editing ? t('form.editTitle', { name: editing.name }) : t('form.newTitle')

  const set = (key: keyof Fields) => (value: string) => {
    setFields((f) => ({ ...f, [key]: value }))
    setErrors(({ [key]: _, ...rest }) => rest)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const input = {
      ...fields,
      tags: fields.tags
        .split(/[,，]/)
        .map((s) => s.trim())
        .filter(Boolean),
      cadence: ruleOf(cadence)
    }
    // The same schema the service applies: nothing invalid leaves the form.
    const parsed = ContactInputSchema.safeParse(input)
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, t))
      // Issues with no field of their own have no field to sit beside: list them in the alert.
      setRejected(
        issueCodes(parsed.error)
          .filter((issue) => !issue.field)
          .map((issue) => issueText(issue, t))
      )
      return
    }
    setSaving(true)
    try {
      if (editing) await commands.edit(editing, { ...input, cadence: input.cadence ?? null })
      else await commands.add(input)
      onClose()
    } catch (error) {
      const issues = error instanceof ApiError && error.issues.length ? error.issues : [errorText(error, t)]
      setRejected(issues)
      setErrors(Object.fromEntries(issues.map((line) => [serviceFieldOf(line) ?? '', line.replace(/^[^:]+: /, '')]).filter(([k]) => k)))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Dialog title={title} onClose={onClose} className="contact-form" testId="contact-form">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="dialog-title">{title}</h2>
        {(Object.keys(errors).length > 0 || rejected.length > 0) && (
          <div className="form-alert" role="alert" data-testid="form-alert">
            <p>{rejected.length > 0 && Object.keys(errors).length === 0 ? t('form.rejected') : t('form.fixErrors')}</p>
            {rejected.length > 0 && (
              <ul>
                {rejected.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="form-grid">
          <Field label={t('form.name')} error={errors.name} wide>
            <input value={fields.name} onChange={(e) => set('name')(e.target.value)} data-autofocus required aria-invalid={!!errors.name} name="name" />
          </Field>
          <Field label={t('form.org')} error={errors.org}>
            <input value={fields.org} onChange={(e) => set('org')(e.target.value)} name="org" />
          </Field>
          <Field label={t('form.kind')} error={errors.kind}>
            <select value={fields.kind} onChange={(e) => set('kind')(e.target.value)} name="kind">
              {CONTACT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('priority.label')} error={errors.priority}>
            <select value={fields.priority} onChange={(e) => set('priority')(e.target.value)} name="priority">
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('form.email')} error={errors.email}>
            <input type="email" value={fields.email} onChange={(e) => set('email')(e.target.value)} aria-invalid={!!errors.email} name="email" />
          </Field>
          <Field label={t('form.phone')} error={errors.phone}>
            <input type="tel" value={fields.phone} onChange={(e) => set('phone')(e.target.value)} name="phone" />
          </Field>
          <Field label={t('form.subject')} hint={t('form.subjectHint')} error={errors.subject} wide>
            <input value={fields.subject} onChange={(e) => set('subject')(e.target.value)} name="subject" />
          </Field>
          <Field label={t('form.tags')} hint={t('form.tagsHint')} error={errors.tags} wide>
            <input value={fields.tags} onChange={(e) => set('tags')(e.target.value)} name="tags" />
          </Field>
          <Field label={t('form.notes')} error={errors.notes} wide>
            <textarea rows={3} value={fields.notes} onChange={(e) => set('notes')(e.target.value)} name="notes" />
          </Field>
          <div className="field field-wide">
            <CadenceEditor
              choice={cadence}
              onChange={(c) => {
                setCadence(c)
                setErrors(({ cadence: _, ...rest }) => rest)
              }}
              touchCount={editing?.touchCount ?? 0}
              error={errors.cadence}
            />
          </div>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving} data-testid="save-contact">
            {editing ? t('form.save') : t('form.create')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function Field({ label, hint, error, wide, children }: { label: string; hint?: string; error?: string; wide?: boolean; children: ReactNode }) {
  return (
    <label className={`field ${wide ? 'field-wide' : ''} ${error ? 'has-error' : ''}`}>
      <span className="field-label">
        {label}
        {hint && <span className="field-hint"> · {hint}</span>}
      </span>
      {children}
      {error && <span className="field-error">{error}</span>}
    </label>
  )
}
