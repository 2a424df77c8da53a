import { Bar, CartesianGrid, Cell, ComposedChart, LabelList, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

export interface CountBar {
  /** Under the bar: "0", "5+". */
  label: string
  /** What a screen reader and the tooltip say for the bar: "2 touches: 3 contacts". */
  description: string
  /** The bar's height: a count, or a percentage with `percent`. */
  value: number
  /** The number over the bar. */
  shown: string
  /** The bar to draw the eye to (where you usually stop). */
  peak?: boolean
  /** A reference value at this bar (same unit as `value`), drawn as a dashed line; null for none. */
  reference?: number | null
}

interface Props {
  bars: CountBar[]
  selected: number | null
  onSelect: (index: number) => void
  /** Names the group of bar buttons. */
  label: string
  testId: string
}

/**
 * Bars per touch number as a Recharts chart (SVG: no eval, themed by CSS variables), with a row of
 * buttons as its axis. The buttons carry the numbers for the keyboard and screen readers and click
 * through like the bars; the SVG itself is decoration for them.
 */
export function CountChart({ bars, selected, onSelect, label, testId }: Props) {
  const hasReference = bars.some((b) => b.reference !== undefined && b.reference !== null)
  return (
    <figure className="count-chart" data-testid={testId}>
      <div className="count-chart-plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={170}>
          <ComposedChart data={bars} margin={{ top: 22, right: 0, bottom: 0, left: 0 }} barCategoryGap="24%" accessibilityLayer={false}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" hide />
            <YAxis hide allowDecimals={false} domain={[0, (max: number) => Math.max(1, max)]} />
            <Tooltip cursor={{ className: 'chart-cursor' }} content={ChartTip} isAnimationActive={false} />
            <Bar dataKey="value" onClick={(_, index) => onSelect(index)} isAnimationActive={false} radius={[5, 5, 0, 0]} minPointSize={2}>
              {bars.map((bar, i) => (
                <Cell key={bar.label} className={`chart-bar ${bar.peak ? 'is-peak' : ''} ${selected === i ? 'is-selected' : ''}`} cursor="pointer" data-testid={`${testId}-bar-${i}`} />
              ))}
              <LabelList dataKey="shown" position="top" className="chart-value" />
            </Bar>
            {hasReference && <Line dataKey="reference" className="chart-reference" dot={{ className: 'chart-reference-dot', r: 3 }} activeDot={false} isAnimationActive={false} connectNulls={false} />}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <div className="count-chart-axis" role="group" aria-label={label}>
        {bars.map((bar, i) => (
          <button
            key={bar.label}
            type="button"
            className={`count-chart-key ${bar.peak ? 'is-peak' : ''}`}
            aria-pressed={selected === i}
            aria-label={bar.description}
            title={bar.description}
            onClick={() => onSelect(i)}
            data-testid={`${testId}-key-${i}`}
          >
            {bar.label}
          </button>
        ))}
      </div>
    </figure>
  )
}

/** A Recharts tooltip that says the hovered entry's `description`, in the theme's colours. */
export function ChartTip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const entry = payload?.[0]?.payload as { description?: string } | undefined
  if (!active || !entry?.description) return null
  return <div className="chart-tip">{entry.description}</div>
}
