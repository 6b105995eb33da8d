/** Dates written `YYYY-MM-DD`: `Date.parse` accepts 2019-02-31 (as 3 March), so it cannot check them. */

/** True when `s` is `YYYY-MM-DD` and that day exists (2019-02-31 does not; 2020-02-29 does). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
