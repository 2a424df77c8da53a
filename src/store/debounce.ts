/**
 * Trailing debounce with a ceiling: runs `action` once things have been quiet for `waitMs`, but
 * never later than `maxWaitMs` after the first trigger, so a steady stream of changes (another
 * process writing in a loop) is still reported while it lasts. Timers are unref'd: a pending
 * notification never keeps a CLI process alive.
 */
export class Debouncer {
  private timer: NodeJS.Timeout | undefined
  private firstTriggerAt: number | undefined

  constructor(
    private readonly action: () => void,
    private readonly waitMs: number,
    private readonly maxWaitMs: number
  ) {}

  trigger(): void {
    const now = Date.now()
    this.firstTriggerAt ??= now
    clearTimeout(this.timer)
    const delay = Math.max(0, Math.min(this.waitMs, this.firstTriggerAt + this.maxWaitMs - now))
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.firstTriggerAt = undefined
      this.action()
    }, delay)
    this.timer.unref()
  }

  cancel(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.firstTriggerAt = undefined
  }
}
