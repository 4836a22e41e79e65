/** The default landing window: the calendar day (Asia/Shanghai) of `now`, as `YYYY-MM-DD`. */
export function defaultLandingWindow(now: Date): string {
  const chinaStandardTime = new Date(now.getTime() + 8 * 60 * 60 * 1000);
  return chinaStandardTime.toISOString().slice(0, 10);
}
