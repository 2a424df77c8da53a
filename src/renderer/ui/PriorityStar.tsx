import { useTranslation } from 'react-i18next'
import type { Priority } from '../../core/model'

/** A star for high priority, a faint arrow for low; nothing for normal. */
export function PriorityStar({ priority }: { priority: Priority }) {
  const { t } = useTranslation()
  if (priority === 'normal') return null
  const label = t(`priority.${priority}`)
  return (
    <span className={`priority priority-${priority}`} role="img" aria-label={label} title={label} data-testid={`priority-${priority}`}>
      {priority === 'high' ? '★' : '↓'}
    </span>
  )
}
