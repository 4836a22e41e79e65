/**
 * Calendar arithmetic on epoch days (UTC, time-zone free) for the world: months, Beijing-local
 * timestamps with +08:00. Day conversions come from @sg/simulator-kit.
 */
import { epochDayToIsoDate, isoDateToEpochDay } from '@sg/simulator-kit';

export { epochDayToIsoDate, isoDateToEpochDay };

/** The same day of month `months` later (clamped to the month's last day). */
export function addMonths(epochDay: number, months: number): number {
  const date = new Date(epochDay * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const day = date.getUTCDate();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(day, lastDay)) / 86_400_000;
}

/** First day of the month containing `epochDay`. */
export function monthStart(epochDay: number): number {
  const date = new Date(epochDay * 86_400_000);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000;
}

/** 'YYYY-MM' of the month containing `epochDay`. */
export function periodOf(epochDay: number): string {
  return epochDayToIsoDate(epochDay).slice(0, 7);
}

/** Beijing-local timestamp 'YYYY-MM-DDTHH:MM:SS+08:00' for a day and seconds after midnight. */
export function beijingTimestamp(epochDay: number, secondOfDay: number): string {
  const hh = Math.floor(secondOfDay / 3600);
  const mm = Math.floor((secondOfDay % 3600) / 60);
  const ss = secondOfDay % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${epochDayToIsoDate(epochDay)}T${pad(hh)}:${pad(mm)}:${pad(ss)}+08:00`;
}

/** The year of an epoch day. */
export function yearOf(epochDay: number): number {
  return new Date(epochDay * 86_400_000).getUTCFullYear();
}
