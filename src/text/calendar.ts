/**
 * Gregorian date arithmetic on `YYYY-MM-DD` strings. Dates are handled as UTC day numbers so no
 * time zone or daylight-saving shift can move a day.
 */

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses a strict `YYYY-MM-DD` (a longer ISO timestamp is cut to its date); null if invalid. */
export function parseIsoDate(s: string): YearMonthDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(ymd.year, ymd.month, ymd.day) ? ymd : null;
}

export function formatIsoDate(d: YearMonthDay): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01. */
export function toDayNumber(d: YearMonthDay): number {
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): YearMonthDay {
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (JavaScript's numbering). */
export function dayOfWeek(d: YearMonthDay): number {
  return (((toDayNumber(d) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function addDays(d: YearMonthDay, days: number): YearMonthDay {
  return fromDayNumber(toDayNumber(d) + days);
}

/** Moves by whole months, clamping the day to the target month's length (31 Mar − 1 month = 28/29 Feb). */
export function addMonths(d: YearMonthDay, months: number): YearMonthDay {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** `b − a` in days. */
export function daysBetween(a: YearMonthDay, b: YearMonthDay): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** The Monday that starts the ISO 8601 week containing `d`. */
export function isoWeekMonday(d: YearMonthDay): YearMonthDay {
  return addDays(d, -((dayOfWeek(d) + 6) % 7));
}

/** Same as `addDays` on ISO strings: `addIsoDays('2019-04-08', -1)` is `'2019-04-07'`. */
export function addIsoDays(iso: string, days: number): string | null {
  const d = parseIsoDate(iso);
  return d ? formatIsoDate(addDays(d, days)) : null;
}
