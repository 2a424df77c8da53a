import { useEffect, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { Icon } from '../ui/icons'

/** Which edges of a horizontal scroller hide columns; follows scrolling and resizing. */
function useHiddenEdges(scroller: RefObject<HTMLElement | null>): { start: boolean; end: boolean } {
  const [edges, setEdges] = useState({ start: false, end: false })
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    const measure = () => {
      const start = el.scrollLeft > 4
      const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 4
      setEdges((e) => (e.start === start && e.end === end ? e : { start, end }))
    }
    measure()
    el.addEventListener('scroll', measure, { passive: true })
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    for (const child of Array.from(el.children)) observer.observe(child)
    return () => {
      el.removeEventListener('scroll', measure)
      observer.disconnect()
    }
  }, [scroller])
  return edges
}

/**
 * In a narrow window the board scrolls sideways; a fade and a labelled button at each edge that
 * hides columns say so, and take you there (the 5+ column and the exit lanes live on the right).
 */
export function ScrollCues({ scroller }: { scroller: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation()
  const { start, end } = useHiddenEdges(scroller)
  const go = (to: 'start' | 'end') => {
    const el = scroller.current
    el?.scrollTo({ left: to === 'end' ? el.scrollWidth : 0, behavior: 'smooth' })
  }
  return (
    <>
      {start && (
        <div className="scroll-cue scroll-cue-start">
          <button type="button" className="scroll-cue-button" onClick={() => go('start')} aria-label={t('board.scrollStart')} title={t('board.scrollStart')} tabIndex={-1} data-testid="scroll-cue-start">
            <span className="scroll-cue-flip">
              <Icon name="chevron" size={14} />
            </span>
          </button>
        </div>
      )}
      {end && (
        <div className="scroll-cue scroll-cue-end">
          <button type="button" className="scroll-cue-button" onClick={() => go('end')} title={t('board.scrollEnd')} tabIndex={-1} data-testid="scroll-cue-end">
            <span>{t('board.scrollEndShort')}</span>
            <Icon name="chevron" size={14} />
          </button>
        </div>
      )}
    </>
  )
}
