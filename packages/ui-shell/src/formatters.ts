// Display formats of the platform: dates in Asia/Shanghai, money from fen in 元 or 万元.
import { fen, formatYuan } from '@sg/domain';

export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: Date): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
  return Object.fromEntries(
    dateTimeFormat.formatToParts(instant).map((part) => [part.type, part.value]),
  );
}

/** "2026-12-05" for the Beijing calendar day of the instant. */
export function formatShanghaiDate(instant: Date): string {
  const p = parts(instant);
  return `${p.year ?? ''}-${p.month ?? ''}-${p.day ?? ''}`;
}

/** "2026-12-05 08:30:00" in Beijing time. */
export function formatShanghaiDateTime(instant: Date): string {
  const p = parts(instant);
  return `${formatShanghaiDate(instant)} ${p.hour ?? ''}:${p.minute ?? ''}:${p.second ?? ''}`;
}

const FEN_PER_WAN_YUAN = 1_000_000;

/** Amounts of at least 1 万元 (1,000,000 fen) in 万元 with two decimals; smaller ones in 元. */
export function formatMoneyFen(amountFen: number): string {
  const amount = fen(amountFen);
  if (Math.abs(amount) < FEN_PER_WAN_YUAN) return formatYuan(amount, { style: 'unit' });
  const wan = (amount / FEN_PER_WAN_YUAN).toLocaleString('zh-CN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${wan} 万元`;
}
