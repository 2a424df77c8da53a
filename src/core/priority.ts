import type { Contact, Priority } from './model'

/** Absent means normal: files from before priorities read unchanged. */
export function priorityOf(contact: Pick<Contact, 'priority'>): Priority {
  return contact.priority ?? 'normal'
}

const RANK: Record<Priority, number> = { high: 0, normal: 1, low: 2 }

/** High before normal before low. */
export function comparePriority(a: Pick<Contact, 'priority'>, b: Pick<Contact, 'priority'>): number {
  return RANK[priorityOf(a)] - RANK[priorityOf(b)]
}
