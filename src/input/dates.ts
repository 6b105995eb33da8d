/**
 * Publication dates as inputs write them. The date kept is the LOCAL date as written (an article
 * published late in the evening in Tripoli belongs to that day there, whatever UTC says); `at`
 * is the full timestamp, normalised to ISO 8601, when the input gave a time.
 */

export interface PublishedDate {
  /** `YYYY-MM-DD`, as written (not converted to UTC). */
  date: string;
  /** `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]` when a time was given, else null. */
  at: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** RFC 822 zone names; any other letters are read as "zone unknown". */
const ZONES: Record<string, string> = {
  Z: 'Z',
  GMT: 'Z',
  UT: 'Z',
  UTC: 'Z',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const RFC822 =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([a-z]{1,5}|[+-]\d{4}))?)?$/i;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YEAR_FIRST = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/;

export function parsePublished(raw: string): PublishedDate | null {
  const s = toAsciiDigits(raw).trim();
  if (s === '') return null;
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(s))) {
    return build(+m[1], +m[2], +m[3], m[4], m[5], m[6], m[7], m[8] === undefined ? undefined : isoOffset(m[8]));
  }
  if ((m = RFC822.exec(s))) {
    const month = MONTHS[m[2].toLowerCase()];
    if (month === undefined) return null;
    const year = m[3].length === 2 ? twoDigitYear(+m[3]) : +m[3];
    return build(year, month, +m[1], m[4], m[5], m[6], undefined, m[7] === undefined ? undefined : rfcOffset(m[7]));
  }
  if ((m = DAY_FIRST.exec(s))) return build(+m[4], +m[3], +m[1], m[5], m[6], m[7]);
  if ((m = YEAR_FIRST.exec(s))) return build(+m[1], +m[3], +m[4], m[5], m[6], m[7]);
  if ((m = COMPACT.exec(s))) return build(+m[1], +m[2], +m[3], m[4], m[5], m[6]);
  return null;
}

/** Assembles and validates; `offset` undefined means no zone was written, null an unknown one. */
function build(
  year: number,
  month: number,
  day: number,
  hour?: string,
  minute?: string,
  second?: string,
  fraction?: string,
  offset?: string | null,
): PublishedDate | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined || minute === undefined) return { date, at: null };
  const h = +hour;
  const mi = +minute;
  const sec = second === undefined ? 0 : +second;
  if (h > 23 || mi > 59 || sec > 59) return null;
  const frac = fraction ?? '';
  return { date, at: `${date}T${pad(h)}:${pad(mi)}:${pad(sec)}${frac}${offset ?? ''}` };
}

function isoOffset(z: string): string | null {
  if (z.toUpperCase() === 'Z') return 'Z';
  const digits = z.slice(1).replace(':', '');
  const hh = +digits.slice(0, 2);
  const mm = digits.length > 2 ? +digits.slice(2, 4) : 0;
  if (hh > 14 || mm > 59) return null;
  return `${z[0]}${pad(hh)}:${pad(mm)}`;
}

function rfcOffset(z: string): string | null {
  if (/^[+-]\d{4}$/.test(z)) return isoOffset(z);
  return ZONES[z.toUpperCase()] ?? null;
}

/** RFC 822 two-digit years: news archives are recent, so 00-49 is this century. */
function twoDigitYear(y: number): number {
  return y < 50 ? 2000 + y : 1900 + y;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Arabic-Indic and Persian digits, common in Arabic sites' dates, read as ASCII. */
function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}
