/**
 * Date arithmetic in whole days and seconds, free of the machine's time zone. Commerce vendors
 * report local China time (UTC+8, no daylight saving), so formatting to and from Beijing time is
 * here too.
 */

const MS_PER_DAY = 86_400_000;
export const BEIJING_OFFSET_SECONDS = 8 * 3600;

/** 'YYYY-MM-DD' → days since 1970-01-01. Throws on a malformed or impossible date. */
export function isoDateToEpochDay(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) throw new RangeError(`not a YYYY-MM-DD date: "${isoDate}"`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (epochDayToIsoDate(ms / MS_PER_DAY) !== isoDate) {
    throw new RangeError(`not a calendar date: "${isoDate}"`);
  }
  return ms / MS_PER_DAY;
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function epochDayToIsoDate(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Seconds since the epoch → 'YYYY-MM-DDTHH:MM:SSZ' (UTC). */
export function epochSecondsToIsoUtc(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Seconds since the epoch → 'YYYY-MM-DD HH:MM:SS' in Beijing time, as vendors print it. */
export function epochSecondsToBeijing(epochSeconds: number): string {
  return new Date((epochSeconds + BEIJING_OFFSET_SECONDS) * 1000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
}

/**
 * 'YYYY-MM-DD HH:MM:SS' or 'YYYY-MM-DD' in Beijing time → seconds since the epoch, or undefined
 * when the text is not such a timestamp.
 */
export function beijingToEpochSeconds(text: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(text);
  if (match === null) return undefined;
  const [, date, hh = '00', mm = '00', ss = '00'] = match;
  if (date === undefined || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  let day: number;
  try {
    day = isoDateToEpochDay(date);
  } catch {
    return undefined;
  }
  return day * 86_400 + Number(hh) * 3600 + Number(mm) * 60 + Number(ss) - BEIJING_OFFSET_SECONDS;
}
