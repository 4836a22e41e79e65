// Cube date ranges → inclusive [from, to] local timestamps ('YYYY-MM-DDTHH:mm:ss.SSS').
// Absolute ranges are ['2024-01-01', '2024-03-31'] (dates or date-times); relative ranges are the
// common Cube phrases ('today', 'last 7 days', 'this month', 'last year' …) evaluated at `now` (UTC).
import type { Granularity } from './cube-query.ts';

export class DateRangeError extends Error {
  override name = 'DateRangeError';
}

export interface TimestampRange {
  readonly from: string;
  readonly to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatDay(day: Date): string {
  return `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

function assertRealDate(text: string): void {
  const day = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || formatDay(day) !== text.slice(0, 10)) {
    throw new DateRangeError(`'${text}' is not a valid date`);
  }
}

/** Normalises one bound; a bare date becomes the start or the end of that day. */
export function normalizeBound(text: string, bound: 'from' | 'to'): string {
  const value = text.trim();
  if (DATE.test(value)) {
    assertRealDate(value);
    return bound === 'from' ? `${value}T00:00:00.000` : `${value}T23:59:59.999`;
  }
  if (DATE_TIME.test(value)) {
    assertRealDate(value);
    const [date = '', time = ''] = value.replace(' ', 'T').split('T');
    const hm = time.slice(0, 5);
    const [seconds = '00', millis = ''] = time.slice(6).split('.');
    return `${date}T${hm}:${seconds === '' ? '00' : seconds}.${millis.padEnd(3, '0')}`;
  }
  throw new DateRangeError(`'${text}' is not a date (YYYY-MM-DD) or date-time`);
}

function startOf(unit: Granularity, day: Date): Date {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(y, m, day.getUTCDate()));
    case 'week': {
      const mondayOffset = (day.getUTCDay() + 6) % 7;
      return new Date(Date.UTC(y, m, day.getUTCDate() - mondayOffset));
    }
    case 'month':
      return new Date(Date.UTC(y, m, 1));
    case 'quarter':
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case 'year':
      return new Date(Date.UTC(y, 0, 1));
  }
}

function add(unit: Granularity, day: Date, amount: number): Date {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  const d = day.getUTCDate();
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(y, m, d + amount));
    case 'week':
      return new Date(Date.UTC(y, m, d + 7 * amount));
    case 'month':
      return new Date(Date.UTC(y, m + amount, d));
    case 'quarter':
      return new Date(Date.UTC(y, m + 3 * amount, d));
    case 'year':
      return new Date(Date.UTC(y + amount, m, d));
  }
}

function dayRange(first: Date, last: Date): TimestampRange {
  return { from: `${formatDay(first)}T00:00:00.000`, to: `${formatDay(last)}T23:59:59.999` };
}

const UNIT = '(day|week|month|quarter|year)s?';

/** Evaluates a relative Cube date range at `now`. */
export function relativeRange(phrase: string, now: Date): TimestampRange {
  const text = phrase.trim().toLowerCase();
  const today = startOf('day', now);
  if (text === 'today') return dayRange(today, today);
  if (text === 'yesterday') {
    const yesterday = add('day', today, -1);
    return dayRange(yesterday, yesterday);
  }
  const thisOrLast = new RegExp(`^(this|last) ${UNIT}$`).exec(text);
  if (thisOrLast) {
    const unit = thisOrLast[2] as Granularity;
    const start = startOf(unit, add(unit, today, thisOrLast[1] === 'last' ? -1 : 0));
    return dayRange(start, add('day', add(unit, start, 1), -1));
  }
  const lastN = new RegExp(`^last (\\d{1,4}) ${UNIT}$`).exec(text);
  if (lastN) {
    const unit = lastN[2] as Granularity;
    // Cube: "last 7 days" ends yesterday; "last 3 months" covers the 3 whole months before this one.
    const end = add('day', startOf(unit, today), -1);
    const start = startOf(unit, add(unit, startOf(unit, today), -Number(lastN[1])));
    return dayRange(start, end);
  }
  throw new DateRangeError(
    `date range '${phrase}' is not supported; use [from, to] or today, yesterday, this|last day|week|month|quarter|year, last N days|weeks|months|quarters|years`,
  );
}

/** A Cube `dateRange` (or inDateRange filter values) → inclusive timestamp bounds. */
export function resolveDateRange(range: string | readonly string[], now: Date): TimestampRange {
  if (typeof range === 'string') {
    return DATE.test(range.trim())
      ? { from: normalizeBound(range, 'from'), to: normalizeBound(range, 'to') }
      : relativeRange(range, now);
  }
  if (range.length === 1 && range[0] !== undefined) return resolveDateRange(range[0], now);
  const [from, to] = range;
  if (range.length !== 2 || from === undefined || to === undefined) {
    throw new DateRangeError('a date range is [from, to] or one relative phrase');
  }
  const bounds = { from: normalizeBound(from, 'from'), to: normalizeBound(to, 'to') };
  if (bounds.from > bounds.to)
    throw new DateRangeError(`date range starts after it ends: ${from} > ${to}`);
  return bounds;
}
