/**
 * Temporal expressions in Arabic news: absolute dates in the three month-name families
 * (يناير، كانون الثاني، جانفي), numeric dates, month and year mentions, weekdays with a part of
 * the day (مساء الخميس), relative days (أمس، أول أمس، الليلة الماضية), periods (الأسبوع الماضي،
 * منذ ثلاثة أيام), each resolved against the article's publication date into an ACLED date and
 * time precision (events.md: 1 day, 2 week, 3 month).
 *
 * Recognition and resolution are separate: each mention keeps the `value` it was read as, and
 * `resolveTemporal(value, published)` resolves it against any anchor.
 *
 * Conventions (what Arabic press usage means, where it is ambiguous):
 * - A bare weekday is the latest such day on or before publication: agencies name the day of
 *   publication itself ("قال الجيش، الاثنين، …" in a Monday dispatch). "الخميس الماضي" is
 *   strictly before; "الخميس المقبل" strictly after.
 * - "ليلة الخميس" is the eve of Thursday, i.e. Wednesday night (the Arabic day begins at
 *   sunset); "ليل الخميس", "ليلة الخميس-الجمعة" and "ليلة الخميس وصباح الجمعة" are Thursday night. "عشية الخميس" is read as
 *   Thursday evening: the Maghrebi press (our first theatre) uses عشية for the same day's
 *   afternoon or evening.
 * - "شهر نوفمبر الماضي/المنقضي" is the latest November before the publication month,
 *   "جوان المقبل" the next June after it.
 * - A day and month without a year take the publication year, or the year before when that
 *   would put the date more than 30 days after publication.
 * - Weeks run Monday–Sunday (ISO 8601); a week's date is its Thursday (the middle). The current
 *   week, whose later days have not happened yet, uses the middle of Monday..publication day.
 * - A month is dated on its 15th; "early" (مطلع، أوائل، بداية) on its first day, "late"
 *   (أواخر، نهاية) on its last. ACLED has no year precision: a year alone keeps date null with
 *   reason 'year only' and the year in `year`; "منذ خمس سنوات" is the same day five years back
 *   at month precision.
 * - Spans exclude leading prepositions and proclitics (في، منذ before a date, و، ب) and include
 *   the date's own words (weekday, يوم، مساء، شهر، عام).
 */
import { readFileSync } from 'node:fs';
import type { ResolvedDate, TemporalMention } from '../core/document.js';
import {
  addDays,
  addMonths,
  dayOfWeek,
  daysInMonth,
  formatIsoDate,
  isValidDate,
  isoWeekMonday,
  parseIsoDate,
  toDayNumber,
  type YearMonthDay,
} from './calendar.js';
import { normalizeForMatch, toOriginalSpan, type NormalizedText } from './normalize.js';
import { CliticFormsFilter } from './clitic-forms-filter.js';
import { lookupWithClitics, readNumberAt, readOrdinalAt, scanWords, spaceBetween, type ScanToken } from './numbers.js';
import { z } from 'zod';

export type MonthPart = 'early' | 'middle' | 'late';
export type AgoUnit = 'hour' | 'day' | 'week' | 'month' | 'year';
/** Where a date without a year lies: nearest to publication, or the last/next one ("نوفمبر الماضي"، "جوان المقبل"). */
export type YearlessDirection = 'nearest' | 'before' | 'after';

/** What an expression says, before it is placed on the calendar. */
export type TemporalValue =
  /** A day of a month; year null when the text gives none, then placed by `direction`. */
  | { type: 'date'; year: number | null; month: number; day: number; direction?: YearlessDirection }
  | { type: 'month'; year: number | null; month: number; part: MonthPart; direction?: YearlessDirection }
  | { type: 'year'; year: number }
  /** العام الماضي (−1), العام الجاري (0). */
  | { type: 'relativeYear'; offset: number }
  /** 0 = Sunday … 6 = Saturday; `dayOffset` −1 for the eve (ليلة الخميس). */
  | { type: 'weekday'; weekday: number; direction: 'onOrBefore' | 'before' | 'after'; dayOffset: number }
  | { type: 'relativeDay'; offset: number; precision: 1 | 2 }
  | { type: 'relativeWeek'; offset: number }
  | { type: 'relativeMonth'; offset: number; part: MonthPart }
  /** الثامن من الشهر الجاري. */
  | { type: 'dayOfRelativeMonth'; offset: number; day: number }
  | { type: 'ago'; amount: number; unit: AgoUnit }
  | { type: 'unresolvable'; reason: string };

/** A temporal mention with the value it was read as and the year it falls in, when known. */
export interface TemporalExpression extends TemporalMention {
  value: TemporalValue;
  year: number | null;
}

export interface ResolvedTemporal extends ResolvedDate {
  /** The year, also for a year alone (whose date stays null). */
  year: number | null;
}

// ---------------------------------------------------------------------------------------------
// Lexicons (packs/ar/months.json, weekdays.json, temporal.json)

function loadPack<T>(name: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(new URL(`../../packs/ar/${name}`, import.meta.url), 'utf8')));
}

const WordList = z.array(z.string());
const AgoUnitSchema = z.enum(['hour', 'day', 'week', 'month', 'year']);
const MonthsPack = z.object({ families: z.record(z.string(), z.record(z.string(), z.number())), ambiguous: WordList });
const WeekdaysPack = z.object({ weekdays: z.record(z.string(), z.number()) });
const RelativeDayEntry = z.object({ offset: z.number(), rule: z.string(), partOfDay: z.string().optional() });
const TemporalPack = z.object({
  partsOfDay: z.record(z.string(), z.string()),
  eveParts: WordList,
  relativeDays: z.record(z.string(), RelativeDayEntry),
  relativeDaysAfterPrefixOnly: z.record(z.string(), RelativeDayEntry),
  todayNotFollowedBy: WordList,
  weekdayNotAfter: WordList,
  pastWords: WordList,
  currentWords: WordList,
  nextWords: WordList,
  recentWords: WordList,
  thisWords: WordList,
  periodNouns: z.record(z.string(), z.enum(['week', 'month', 'year'])),
  yearWords: WordList,
  monthWord: WordList,
  agoWords: WordList,
  agoUnits: z.record(z.string(), z.object({ unit: AgoUnitSchema, count: z.number().optional() })),
  recentNouns: z.record(z.string(), AgoUnitSchema),
  monthParts: z.record(z.string(), z.enum(['early', 'middle', 'late'])),
  datePrepositions: WordList,
});

interface MonthName {
  /** The month, or 0 when a second word decides it (كانون الثاني / كانون الأول). */
  month: number;
  second: Map<string, number>;
  ambiguous: boolean;
}

const MONTHS_PACK = loadPack('months.json', MonthsPack);
const WEEKDAYS_PACK = loadPack('weekdays.json', WeekdaysPack);
const T = loadPack('temporal.json', TemporalPack);

const norm = normalizeForMatch;
const normSet = (words: string[]) => new Set(words.map(norm));
function normMap<V>(record: Record<string, V>): Map<string, V> {
  return new Map(Object.entries(record).map(([k, v]) => [norm(k), v]));
}

const MONTHS = new Map<string, MonthName>();
const AMBIGUOUS_MONTHS = normSet(MONTHS_PACK.ambiguous);
for (const family of Object.values(MONTHS_PACK.families)) {
  for (const [written, month] of Object.entries(family)) {
    const [first, second] = norm(written).split(' ');
    const entry = MONTHS.get(first) ?? { month: 0, second: new Map(), ambiguous: AMBIGUOUS_MONTHS.has(first) };
    if (second) entry.second.set(second, month);
    else entry.month = month;
    MONTHS.set(first, entry);
  }
}
const WEEKDAYS = normMap(WEEKDAYS_PACK.weekdays);
const PARTS_OF_DAY = normMap(T.partsOfDay);
const EVE_PARTS = normSet(T.eveParts);
const RELATIVE_DAYS = normMap(T.relativeDays);
const RELATIVE_DAYS_AFTER_PREFIX = normMap(T.relativeDaysAfterPrefixOnly);
const TODAY_NOT_FOLLOWED_BY = normSet(T.todayNotFollowedBy);
/** Words after which a weekday names a town (سوق الخميس), with their proclitics (بسوق). */
const WEEKDAY_NOT_AFTER = new Map(T.weekdayNotAfter.map((w) => [norm(w), true] as const));
const PAST = normSet(T.pastWords);
const CURRENT = normSet(T.currentWords);
const NEXT = normSet(T.nextWords);
const RECENT = normSet(T.recentWords);
const THIS = normSet(T.thisWords);
const PERIOD_NOUNS = normMap(T.periodNouns);
const YEAR_WORDS = normSet(T.yearWords);
const MONTH_WORDS = normSet(T.monthWord);
const AGO_WORDS = new Map([...normSet(T.agoWords)].map((w) => [w, true as const]));
const AGO_UNITS = normMap(T.agoUnits);
const RECENT_NOUNS = normMap(T.recentNouns);
const MONTH_PARTS = normMap(T.monthParts);
const DATE_PREPOSITIONS = new Map([...normSet(T.datePrepositions)].map((w) => [w, true as const]));
const YESTERDAY = norm('أمس');
const TONIGHT = norm('الليلة');
const FIRST = norm('أول');
const AFTER = norm('بعد');
const TOMORROW_BARE = ['غد', 'غدا'].map(norm);
const DAY_WORD = norm('يوم');
const OF = norm('من');
const EQUALS = norm('الموافق');
const NIGHT_SPAN_LINKS = new Set(['الي', 'علي'].map(norm));
const THE_MONTH = norm('الشهر');
const FEW = norm('القليلة');
const ON = norm('على');
/** "عام واحد": one, written after its unit. */
const ONE = new Set([norm('واحد'), norm('واحدة')]);
const asLexicon = (words: Iterable<string>) => new Map([...words].map((w) => [w, true as const]));
const DAY_WORDS = asLexicon([DAY_WORD]);
const FIRST_WORDS = asLexicon([FIRST]);
const AFTER_WORDS = asLexicon([AFTER]);
const THIS_WORDS = asLexicon(THIS);
const YEAR_WORD_LEXICON = asLexicon(YEAR_WORDS);
/** Every word that can begin an expression; other words are skipped unless a month name follows. */
const FIRST_WORD_TRIGGERS = asLexicon([
  ...PARTS_OF_DAY.keys(),
  DAY_WORD,
  ...WEEKDAYS.keys(),
  ...RELATIVE_DAYS.keys(),
  FIRST,
  AFTER,
  ...THIS,
  ...PERIOD_NOUNS.keys(),
  ...MONTH_PARTS.keys(),
  ...AGO_WORDS.keys(),
  ...RECENT_NOUNS.keys(),
  ...YEAR_WORDS,
  ...MONTHS.keys(),
  ...MONTH_WORDS,
]);
const FIRST_WORD_FILTER = new CliticFormsFilter(FIRST_WORD_TRIGGERS.keys());
/** The words after which a plain word may be a day (see monthAhead): month names, الشهر, شهر. */
const MONTH_AHEAD_WORDS = new Set([...MONTHS.keys(), THE_MONTH, ...MONTH_WORDS]);
const MONTH_AHEAD_FILTER = new CliticFormsFilter(MONTH_AHEAD_WORDS);

/** No such token: past any index. */
const NO_TOKEN = 0x7fffffff;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

// ---------------------------------------------------------------------------------------------
// Recognition

interface Match {
  /** Normalised offsets of the expression. */
  start: number;
  end: number;
  /** Token index after the expression. */
  next: number;
  kind: TemporalMention['kind'];
  partOfDay: string | null;
  value: TemporalValue;
  rule: string;
}

/** Reads the scan tokens of one text; every method looks at token k and says what it is. */
class Reader {
  /**
   * The date that ends the list of days starting at token k (see `listEndDate`), once known:
   * every day of a list asks for it, so a list of n days is read once, not n times. Per token:
   * 0 not known yet, 1 no date, 2 + i the date listEndDates[i]. An array by token, not a map: a
   * list can be the whole text, and a map of half a million numbers cost more per entry the
   * larger it grew.
   */
  private listEndAt: Int32Array | null = null;
  private readonly listEndDates: DateValue[] = [];

  constructor(
    readonly view: NormalizedText,
    readonly toks: ScanToken[],
  ) {}

  /** The end date known for the list at token k: a date, null for none, undefined when not known. */
  listEnd(k: number): DateValue | null | undefined {
    const code = this.listEndAt?.[k] ?? 0;
    return code === 0 ? undefined : code === 1 ? null : this.listEndDates[code - 2];
  }

  /** Records `end` for the lists at each of the tokens `at`. */
  setListEnd(at: readonly number[], end: DateValue | null): void {
    this.listEndAt ??= new Int32Array(this.toks.length);
    let code = 1;
    if (end !== null) code = this.listEndDates.push(end) + 1;
    for (const k of at) this.listEndAt[k] = code;
  }

  /** The word at k when it follows token k−1 on the same line (or k is the first looked at). */
  word(k: number): string | null {
    const t = this.toks[k];
    return t !== undefined && t.kind === 'word' ? t.text : null;
  }

  /** Token k continues token k−1 on the same line. */
  follows(k: number): boolean {
    return k > 0 && k < this.toks.length && spaceBetween(this.view, this.toks[k - 1], this.toks[k]);
  }

  /** The word at k if it continues the expression (same line as k−1). */
  nextWord(k: number): string | null {
    return this.follows(k) ? this.word(k) : null;
  }

  isPunct(k: number, chars: string): boolean {
    const t = this.toks[k];
    return t !== undefined && t.kind === 'punct' && chars.includes(t.text) && this.follows(k);
  }

  /** A month name or الشهر within the next few tokens: only then can a plain word be a day (الثامن من يناير). */
  monthAhead(k: number): boolean {
    // Most words of a text ask; reading the next month word from one table built at the first
    // question looks each word up once, not once per word that looks ahead at it.
    this.monthWordFrom ??= this.monthWordsFrom();
    return this.monthWordFrom[k + 1] <= k + 4;
  }

  /** Per token k (and one past the last): the first token at or after k that is a month word, or NO_TOKEN. */
  private monthWordFrom: Int32Array | null = null;

  private monthWordsFrom(): Int32Array {
    const from = new Int32Array(this.toks.length + 1).fill(NO_TOKEN);
    for (let k = this.toks.length - 1; k >= 0; k--) {
      const w = this.word(k);
      from[k] = w !== null && MONTH_AHEAD_FILTER.mayFind(w) && MONTH_AHEAD_WORDS.has(w) ? k : from[k + 1];
    }
    return from;
  }

  /** A four-digit year 1900–2100 at k. */
  year(k: number): number | null {
    const t = this.toks[k];
    if (!t || t.kind !== 'digits' || t.text.length !== 4) return null;
    const y = Number(t.text);
    return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
  }

  /** A month name at k (two words for كانون/تشرين): month and next token. */
  month(k: number, clitics: boolean): { month: number; ambiguous: boolean; next: number; cliticLength: number } | null {
    const t = this.toks[k];
    if (!t || t.kind !== 'word') return null;
    const hit = clitics ? lookupWithClitics(MONTHS, t.text) : nullable(MONTHS.get(t.text));
    if (!hit) return null;
    const { entry } = hit;
    const second = this.nextWord(k + 1);
    const two = second !== null ? entry.second.get(second) : undefined;
    if (two !== undefined) return { month: two, ambiguous: false, next: k + 2, cliticLength: hit.cliticLength };
    if (entry.month === 0) return null;
    return { month: entry.month, ambiguous: entry.ambiguous, next: k + 1, cliticLength: hit.cliticLength };
  }

  /** After a month name, the same month in another family: "كانون الثاني/يناير"، "شباط (فبراير)". */
  skipSecondMonthName(k: number, month: number): number {
    if (this.isPunct(k, '/-')) {
      const m = this.month(k + 1, false);
      if (m && m.month === month) return m.next;
    }
    if (this.isPunct(k, '(')) {
      const m = this.month(k + 1, false);
      if (m && m.month === month && this.isPunct(m.next, ')')) return m.next + 1;
    }
    const m = this.follows(k) ? this.month(k, false) : null;
    return m && m.month === month ? m.next : k;
  }

  /** A day of the month at k: digits, an ordinal (الثامن) or a number word (ثمانية). */
  dayOfMonth(k: number): { day: number; next: number } | null {
    const t = this.toks[k];
    if (!t) return null;
    if (t.kind === 'digits') {
      const d = Number(t.text);
      return t.text.length <= 2 && d >= 1 && d <= 31 ? { day: d, next: k + 1 } : null;
    }
    if (t.kind !== 'word') return null;
    const ordinal = readOrdinalAt(this.view, this.toks, k);
    if (ordinal && ordinal.value <= 31) return { day: ordinal.value, next: ordinal.next };
    const cardinal = readNumberAt(this.view, this.toks, k);
    if (
      cardinal &&
      !cardinal.vague &&
      cardinal.form === 'words' &&
      cardinal.start === t.start &&
      Number.isInteger(cardinal.value) &&
      cardinal.value >= 1 &&
      cardinal.value <= 31
    )
      return { day: cardinal.value, next: cardinal.next };
    return null;
  }

  /** `من`, `شهر` and `عام` are optional glue inside dates; returns k past any of them. */
  skipWords(k: number, words: ReadonlySet<string>): number {
    const w = this.nextWord(k);
    return w !== null && words.has(w) ? k + 1 : k;
  }

  /** The token before k is a preposition that introduces a date (في، منذ، خلال …). */
  cueBefore(k: number): boolean {
    const w = k > 0 && this.follows(k) ? this.word(k - 1) : null;
    return w !== null && lookupWithClitics(DATE_PREPOSITIONS, w) !== null;
  }
}

function nullable<T>(entry: T | undefined): { entry: T; cliticLength: number } | null {
  return entry === undefined ? null : { entry, cliticLength: 0 };
}

const OF_SET = new Set([OF]);

/** An optional year after a month: "2018", "عام 2018", "من عام 2018", ", 2018". */
function readYearAfter(r: Reader, k: number): { year: number; next: number } | null {
  let j = k;
  if (r.isPunct(j, ',')) j++;
  j = r.skipWords(j, OF_SET);
  j = r.skipWords(j, YEAR_WORDS);
  const y = r.follows(j) ? r.year(j) : null;
  return y === null ? null : { year: y, next: j + 1 };
}

/** A date starting at token k: numeric, day + month (+ year), or month (+ year). */
function readDateBody(r: Reader, k: number, startNorm: number, cue: boolean): Match | null {
  const toks = r.toks;
  const numeric = readNumericDate(r, k);
  if (numeric) return { ...numeric, start: startNorm };

  const day = r.dayOfMonth(k);
  if (day) {
    const dayMonth = readDayMonth(r, day, startNorm);
    if (dayMonth) return dayMonth;
    // يومي 15 و16 أكتوبر، 5، 6 و7 مارس: an earlier day of a list takes the month and year of the last.
    const listed = readListedDay(r, k, day.day, day.next);
    if (listed) return { ...listed, start: startNorm };
    // الثامن من الشهر الجاري
    const ofAt = r.skipWords(day.next, OF_SET);
    if (ofAt > day.next && r.nextWord(ofAt) === THE_MONTH) {
      const offset = relativeOffset(r.nextWord(ofAt + 1));
      if (offset !== null) {
        return {
          start: startNorm,
          end: toks[ofAt + 1].end,
          next: ofAt + 2,
          kind: 'relative',
          partOfDay: null,
          value: { type: 'dayOfRelativeMonth', offset, day: day.day },
          rule: 'rel.day-of-month',
        };
      }
    }
  }

  return readMonth(r, k, startNorm, cue, null);
}

/** A day followed by a month (and a year): "8 يناير 2018"، "الثامن من شهر يناير"، "8 يناير الماضي". */
function readDayMonth(r: Reader, day: { day: number; next: number }, startNorm: number): Match | null {
  const toks = r.toks;
  let j = r.skipWords(day.next, OF_SET);
  j = r.skipWords(j, MONTH_WORDS);
  const month = r.follows(j) ? r.month(j, false) : null;
  if (!month) return null;
  const afterMonth = r.skipSecondMonthName(month.next, month.month);
  const year = readYearAfter(r, afterMonth);
  if (year && isValidDate(year.year, month.month, day.day)) {
    return date(
      startNorm,
      toks[year.next - 1].end,
      year.next,
      { type: 'date', year: year.year, month: month.month, day: day.day },
      'abs.day-month-year',
    );
  }
  if (year) return null; // an impossible day of that year: maybe a list's earlier day
  const { direction, next } = readYearlessDirection(r, afterMonth);
  return date(
    startNorm,
    toks[next - 1].end,
    next,
    { type: 'date', year: null, month: month.month, day: day.day, direction },
    'abs.day-month',
  );
}

type DateValue = Extract<TemporalValue, { type: 'date' }>;

/** A value that names a day, else null (a list of days ends in a day, not in a month). */
function asDate(value: TemporalValue): DateValue | null {
  return value.type === 'date' ? value : null;
}

/** Day k (digits) is followed by a list separator (، - و) and another day in digits: where that day is. */
function nextListedDay(r: Reader, k: number, dayNext: number): number | null {
  if (r.toks[k].kind !== 'digits' || !(r.isPunct(dayNext, ',-') || r.nextWord(dayNext) === 'و')) return null;
  const j = dayNext + 1;
  return r.follows(j) && r.toks[j].kind === 'digits' ? j : null;
}

function readListedDay(r: Reader, k: number, day: number, next: number): Match | null {
  const j = nextListedDay(r, k, next);
  if (j === null) return null;
  const later = listEndDate(r, j);
  if (!later) return null;
  const t = r.toks[k];
  return date(t.start, t.end, next, { ...later, day }, 'abs.day-list');
}

/**
 * The date a list of days starting at digits token k ends in ("5، 6 و7 مارس" ends in 7 March),
 * or null when it ends in no date. Read forward in a loop, not by recursion: a list is as long
 * as the text makes it ("1، 1، 1، …" thousands of times), and each of its days is read once.
 */
function listEndDate(r: Reader, k: number): DateValue | null {
  const walked: number[] = [];
  let end: DateValue | null = null;
  for (let at: number | null = k; at !== null;) {
    const known = r.listEnd(at);
    if (known !== undefined) {
      end = known;
      break;
    }
    walked.push(at);
    // As readDateBody reads a date at `at`: numeric, day and month, else the next day of the list.
    const numeric = readNumericDate(r, at);
    if (numeric) {
      end = asDate(numeric.value);
      break;
    }
    const day = r.dayOfMonth(at);
    const dayMonth = day ? readDayMonth(r, day, r.toks[at].start) : null;
    if (dayMonth) {
      end = asDate(dayMonth.value);
      break;
    }
    at = day ? nextListedDay(r, at, day.next) : null;
  }
  r.setListEnd(walked, end);
  return end;
}

function date(start: number, end: number, next: number, value: TemporalValue, rule: string): Match {
  return { start, end, next, kind: 'absolute', partOfDay: null, value, rule };
}

/** 8/1/2018, 8-1-2018, 08.01.2018 (day first) and 2018-01-08, 2018/01/08 (year first). */
function readNumericDate(r: Reader, k: number): Omit<Match, 'start'> | null {
  const toks = r.toks;
  const parts: string[] = [];
  let sep = '';
  let j = k;
  while (parts.length < 3 && toks[j]?.kind === 'digits') {
    parts.push(toks[j].text);
    if (parts.length === 3) break;
    const s = toks[j + 1];
    if (!s || s.kind !== 'punct' || s.start !== toks[j].end || !'/-.'.includes(s.text) || (sep && s.text !== sep))
      return null;
    sep = s.text;
    if (toks[j + 2]?.start !== s.end) return null;
    j += 2;
  }
  if (parts.length !== 3) return null;
  const [a, b, c] = parts;
  const [year, month, day] = a.length === 4 ? [a, b, c] : c.length === 4 ? [c, b, a] : [null, null, null];
  if (year === null || month === null || day === null || month.length > 2 || day.length > 2) return null;
  const value = { type: 'date' as const, year: Number(year), month: Number(month), day: Number(day) };
  if (value.year < MIN_YEAR || value.year > MAX_YEAR || !isValidDate(value.year, value.month, value.day)) return null;
  return {
    end: toks[j].end,
    next: j + 1,
    kind: 'absolute',
    partOfDay: null,
    value,
    rule: a.length === 4 ? 'abs.numeric-ymd' : 'abs.numeric-dmy',
  };
}

/** [مطلع] [من] [شهر] MONTH [year]: a month (precision 3), or with a part word a year. */
function readMonth(r: Reader, k: number, startNorm: number, cue: boolean, part: MonthPart | null): Match | null {
  const toks = r.toks;
  let j = k;
  const hasMonthWord = r.word(j) !== null && MONTH_WORDS.has(stripClitics(r.word(j)!));
  if (hasMonthWord) j++;
  const month = j === k || r.follows(j) ? r.month(j, j === k) : null;
  if (!month) return null;
  const afterMonth = r.skipSecondMonthName(month.next, month.month);
  const year = readYearAfter(r, afterMonth);
  const directed = relativeOffset(r.nextWord(afterMonth)) !== null;
  if (month.ambiguous && !year && !hasMonthWord && part === null && !directed) return null;
  if (!year && !hasMonthWord && part === null && !cue) return null;
  const { direction, next } = year ? { direction: undefined, next: year.next } : readYearlessDirection(r, afterMonth);
  return {
    start: j === k ? startNorm + month.cliticLength : startNorm,
    end: toks[next - 1].end,
    next,
    kind: 'month',
    partOfDay: null,
    value: { type: 'month', year: year ? year.year : null, month: month.month, part: part ?? 'middle', direction },
    rule: year ? 'month.month-year' : 'month.month',
  };
}

/** الماضي / المنقضي / المقبل / الجاري after a date without a year. */
function readYearlessDirection(r: Reader, k: number): { direction: YearlessDirection; next: number } {
  const offset = relativeOffset(r.nextWord(k));
  if (offset === null) return { direction: 'nearest', next: k };
  return { direction: offset < 0 ? 'before' : offset > 0 ? 'after' : 'nearest', next: k + 1 };
}

function stripClitics(word: string): string {
  return word.length > 3 && 'وفبل'.includes(word[0]) ? word.slice(1) : word;
}

function relativeOffset(word: string | null): number | null {
  if (word === null) return null;
  if (PAST.has(word)) return -1;
  if (CURRENT.has(word)) return 0;
  if (NEXT.has(word)) return 1;
  return null;
}

/** The expression that starts at token i, or null. */
function matchAt(r: Reader, i: number): Match | null {
  const toks = r.toks;
  const t = toks[i];
  if (t.kind === 'digits')
    return readDateBody(r, i, t.start, r.cueBefore(i)) ?? readYearAlone(r, i) ?? readRecentHours(r, i);
  if (t.kind !== 'word') return null;
  if (!FIRST_WORD_FILTER.mayFind(t.text) || !lookupWithClitics(FIRST_WORD_TRIGGERS, t.text))
    return r.monthAhead(i) ? readDateBody(r, i, t.start, false) : null;

  // Prefix: [part of day] [يوم] [weekday]
  let j = i;
  let startNorm = t.start;
  let partOfDay: string | null = null;
  let eve = false;
  const part = lookupWithClitics(PARTS_OF_DAY, t.text);
  if (part) {
    partOfDay = part.entry;
    eve = EVE_PARTS.has(t.text.slice(part.cliticLength));
    startNorm += part.cliticLength;
    j++;
  }
  const dayWord =
    j === i ? lookupWithClitics(DAY_WORDS, t.text) : r.nextWord(j) === DAY_WORD ? { cliticLength: 0 } : null;
  if (dayWord) {
    if (j === i) startNorm += dayWord.cliticLength;
    j++;
  }
  const prefixed = j > i;
  if (prefixed && !r.follows(j)) return null;
  const weekdayHit = j === i ? lookupWithClitics(WEEKDAYS, t.text) : nullable(WEEKDAYS.get(r.word(j) ?? ''));
  if (weekdayHit) {
    const before = j === i && weekdayHit.cliticLength === 0 && r.follows(i) ? r.word(i - 1) : null;
    if (before !== null && lookupWithClitics(WEEKDAY_NOT_AFTER, before)) return null;
    if (j === i) startNorm += weekdayHit.cliticLength;
    return readWeekday(r, j, startNorm, weekdayHit.entry, partOfDay, eve);
  }
  const relative = readRelativeDay(r, j, startNorm, prefixed, partOfDay);
  if (relative) return relative;
  if (prefixed) {
    // يوم 8 يناير، صباح 8 يناير
    const body = readDateBody(r, j, startNorm, true);
    return body && body.kind === 'absolute' ? { ...body, partOfDay } : null;
  }
  return readFirstWordExpressions(r, i);
}

/** WEEKDAY [الماضي|المقبل] | WEEKDAY [,] [الموافق] DATE | ليلة WEEKDAY [-|على] WEEKDAY. */
function readWeekday(
  r: Reader,
  k: number,
  startNorm: number,
  weekday: number,
  partOfDay: string | null,
  eve: boolean,
): Match {
  const toks = r.toks;
  let j = k + 1;
  if (r.isPunct(j, ',')) j++;
  if (r.nextWord(j) === EQUALS) j++;
  if (r.follows(j)) {
    const body = readDateBody(r, j, startNorm, true);
    if (body && body.kind === 'absolute' && body.value.type !== 'dayOfRelativeMonth') return { ...body, partOfDay };
  }
  if (partOfDay === 'night') {
    // ليلة الخميس-الجمعة، ليل الخميس على الجمعة: the night between the two days.
    let s = k + 1;
    if (r.isPunct(s, '-/')) s++;
    else if (NIGHT_SPAN_LINKS.has(r.nextWord(s) ?? '')) s++;
    const second = r.follows(s) ? WEEKDAYS.get(r.word(s) ?? '') : undefined;
    if (second === (weekday + 1) % 7) {
      return weekdayMatch(
        startNorm,
        toks[s].end,
        s + 1,
        partOfDay,
        { type: 'weekday', weekday, direction: 'onOrBefore', dayOffset: 0 },
        'weekday.night-span',
      );
    }
  }
  const suffix = r.nextWord(k + 1);
  const offset = relativeOffset(suffix);
  const direction = offset === -1 ? 'before' : offset === 1 ? 'after' : 'onOrBefore';
  const withSuffix = offset === -1 || offset === 1;
  const end = withSuffix ? toks[k + 1].end : toks[k].end;
  const isEve = eve && !nextMorningFollows(r, withSuffix ? k + 2 : k + 1, weekday);
  const value: TemporalValue = { type: 'weekday', weekday, direction, dayOffset: isEve ? -1 : 0 };
  const rule = isEve
    ? 'weekday.eve'
    : eve
      ? 'weekday.night'
      : direction === 'before'
        ? 'weekday.last'
        : direction === 'after'
          ? 'weekday.next'
          : 'weekday';
  return weekdayMatch(startNorm, end, withSuffix ? k + 2 : k + 1, partOfDay, value, rule);
}

/** "ليلة الخميس وصباح (يوم) الجمعة": the night runs into the next morning, so it is Thursday night. */
function nextMorningFollows(r: Reader, k: number, weekday: number): boolean {
  const w = r.nextWord(k);
  if (w === null || w[0] !== 'و' || !PARTS_OF_DAY.has(w.slice(1))) return false;
  let j = k + 1;
  if (r.nextWord(j) === DAY_WORD) j++;
  return WEEKDAYS.get(r.nextWord(j) ?? '') === (weekday + 1) % 7;
}

function weekdayMatch(
  start: number,
  end: number,
  next: number,
  partOfDay: string | null,
  value: TemporalValue,
  rule: string,
): Match {
  return { start, end, next, kind: 'weekday', partOfDay, value, rule };
}

/** أمس، أمس الأول، اليوم [الخميس]، الليلة [الماضية]، غدا، (after a prefix) الغد. */
function readRelativeDay(
  r: Reader,
  k: number,
  startNorm: number,
  prefixed: boolean,
  partOfDay: string | null,
): Match | null {
  const toks = r.toks;
  const w = r.word(k);
  if (w === null) return null;
  let hit = prefixed ? nullable(RELATIVE_DAYS.get(w)) : lookupWithClitics(RELATIVE_DAYS, w);
  if (!hit && prefixed) hit = nullable(RELATIVE_DAYS_AFTER_PREFIX.get(w));
  if (!hit) return null;
  if (!prefixed) startNorm += hit.cliticLength;
  const stem = w.slice(prefixed ? 0 : hit.cliticLength);
  let { offset, rule } = hit.entry;
  const pod = hit.entry.partOfDay ?? partOfDay;
  let next = k + 1;
  const following = r.nextWord(k + 1);
  if (following !== null && TODAY_NOT_FOLLOWED_BY.has(following)) {
    if (stem === YESTERDAY || w.endsWith(YESTERDAY)) {
      // أمس الأول: the day before yesterday.
      if (following === norm('الأول'))
        return relativeDay(startNorm, toks[k + 1].end, k + 2, -2, 'rel.day-before-yesterday', pod);
    } else return null;
  }
  if (stem === TONIGHT && following !== null && PAST.has(following)) {
    offset = -1;
    rule = 'rel.last-night';
    next = k + 2;
  } else if (following !== null && WEEKDAYS.has(following)) {
    // اليوم الخميس، أمس الأربعاء، غدا الجمعة: the weekday names the same day; a full date after it wins.
    next = k + 2;
    let j = next;
    if (r.isPunct(j, ',')) j++;
    const body = r.follows(j) ? readDateBody(r, j, startNorm, true) : null;
    if (body && body.kind === 'absolute' && body.value.type === 'date') return { ...body, partOfDay: pod };
  }
  return relativeDay(startNorm, toks[next - 1].end, next, offset, rule, pod);
}

function relativeDay(
  start: number,
  end: number,
  next: number,
  offset: number,
  rule: string,
  partOfDay: string | null,
): Match {
  return { start, end, next, kind: 'relative', partOfDay, value: { type: 'relativeDay', offset, precision: 1 }, rule };
}

/** Expressions recognised by their first word when no weekday or relative day starts there. */
function readFirstWordExpressions(r: Reader, i: number): Match | null {
  const toks = r.toks;
  const t = toks[i];
  const w = t.text;

  // أول أمس، أول من أمس
  const first = lookupWithClitics(FIRST_WORDS, w);
  if (first) {
    let j = i + 1;
    if (r.nextWord(j) === OF) j++;
    if (r.nextWord(j) === YESTERDAY || r.nextWord(j) === 'الامس') {
      return relativeDay(t.start + first.cliticLength, toks[j].end, j + 1, -2, 'rel.day-before-yesterday', null);
    }
  }
  // بعد غد
  const after = lookupWithClitics(AFTER_WORDS, w);
  if (after && TOMORROW_BARE.includes(r.nextWord(i + 1) ?? '')) {
    return relativeDay(t.start + after.cliticLength, toks[i + 1].end, i + 2, 2, 'rel.day-after-tomorrow', null);
  }
  // هذا الأسبوع، هذه الليلة
  const thisHit = lookupWithClitics(THIS_WORDS, w);
  if (thisHit) {
    const noun = r.nextWord(i + 1);
    if (noun === TONIGHT)
      return relativeDay(t.start + thisHit.cliticLength, toks[i + 1].end, i + 2, 0, 'rel.tonight', 'night');
    const unit = noun !== null ? PERIOD_NOUNS.get(noun) : undefined;
    if (unit) return periodMatch(t.start + thisHit.cliticLength, toks[i + 1].end, i + 2, unit, 0, 'middle');
  }
  // الأسبوع الماضي، الشهر الجاري، العام المقبل
  const period = lookupWithClitics(PERIOD_NOUNS, w);
  if (period) {
    const offset = relativeOffset(r.nextWord(i + 1));
    if (offset !== null)
      return periodMatch(t.start + period.cliticLength, toks[i + 1].end, i + 2, period.entry, offset, 'middle');
  }
  // مطلع/أواخر + الشهر الماضي | يناير | 2018
  const monthPart = lookupWithClitics(MONTH_PARTS, w);
  if (monthPart && r.follows(i + 1)) {
    const start = t.start + monthPart.cliticLength;
    const j = i + 1; // not "بداية من شهر جانفي" (Maghrebi "as from"): a part word is followed directly
    const noun = r.nextWord(j);
    const unit = noun !== null ? PERIOD_NOUNS.get(noun) : undefined;
    const offset = relativeOffset(r.nextWord(j + 1));
    if (unit && unit !== 'week' && offset !== null)
      return periodMatch(start, toks[j + 1].end, j + 2, unit, offset, monthPart.entry);
    const month = readMonth(r, j, toks[j]?.start ?? 0, true, monthPart.entry);
    if (month) return { ...month, start };
    const year = r.follows(j) ? r.year(j) : null;
    if (year !== null) return yearMatch(start, toks[j].end, j + 1, year, 'year.part');
  }
  // منذ/قبل ثلاثة أيام، منذ يومين، منذ أيام
  const ago = lookupWithClitics(AGO_WORDS, w);
  if (ago) return readAgo(r, i, t.start + ago.cliticLength);
  // خلال الساعات الماضية، في الأيام الأخيرة
  const recent = lookupWithClitics(RECENT_NOUNS, w);
  if (recent) {
    let j = i + 1;
    if (r.nextWord(j) === FEW) j++;
    if (RECENT.has(r.nextWord(j) ?? '')) {
      const value: TemporalValue =
        recent.entry === 'hour'
          ? { type: 'relativeDay', offset: 0, precision: 1 }
          : { type: 'relativeDay', offset: -3, precision: 2 };
      return {
        start: t.start + recent.cliticLength,
        end: toks[j].end,
        next: j + 1,
        kind: 'period',
        partOfDay: null,
        value,
        rule: recent.entry === 'hour' ? 'period.recent-hours' : 'period.recent-days',
      };
    }
  }
  // عام 2011، سنة 2014
  const yearWord = lookupWithClitics(YEAR_WORD_LEXICON, w);
  if (yearWord) {
    const y = r.follows(i + 1) ? r.year(i + 1) : null;
    if (y !== null) return yearMatch(t.start + yearWord.cliticLength, toks[i + 1].end, i + 2, y, 'year.year');
  }
  // شهر يناير، في يناير، 8 يناير is read from the digits
  return readDateBody(r, i, t.start, r.cueBefore(i));
}

function periodMatch(
  start: number,
  end: number,
  next: number,
  unit: 'week' | 'month' | 'year',
  offset: number,
  part: MonthPart,
): Match {
  const base = { start, end, next, partOfDay: null };
  if (unit === 'week') return { ...base, kind: 'period', value: { type: 'relativeWeek', offset }, rule: 'period.week' };
  if (unit === 'month')
    return { ...base, kind: 'period', value: { type: 'relativeMonth', offset, part }, rule: 'period.month' };
  return { ...base, kind: 'year', value: { type: 'relativeYear', offset }, rule: 'year.relative' };
}

function yearMatch(start: number, end: number, next: number, year: number, rule: string): Match {
  return { start, end, next, kind: 'year', partOfDay: null, value: { type: 'year', year }, rule };
}

/** منذ/قبل + [number] + unit; not "قبل يومين من الهجوم" (counted from another event). */
function readAgo(r: Reader, i: number, start: number): Match | null {
  const toks = r.toks;
  let j = i + 1;
  if (!r.follows(j)) return null;
  let amount: number | null = null;
  let counted = false;
  const number = readNumberAt(r.view, toks, j);
  if (number) {
    // منذ بضعة أيام: a vague count leaves the amount unknown.
    amount = number.vague ? null : number.value;
    counted = true;
    j = number.next;
  }
  const unitWord = r.nextWord(j);
  const unit = unitWord !== null ? AGO_UNITS.get(unitWord) : undefined;
  if (!unit) return null;
  if (!counted) amount = unit.count ?? null;
  else if (unit.count === 2) return null; // "ثلاثة يومين" is not Arabic
  // "قبل يومين من الهجوم" counts from another event, and so does "قبل عام واحد من توليه"; "منذ
  // عام 2011"، "منذ يوم الخميس"، "منذ شهر يناير" are dates read by the rules that start at the
  // next word.
  const following = r.nextWord(j + 1);
  const afterOne = following !== null && ONE.has(following) ? r.nextWord(j + 2) : null;
  if (following === OF || following === ON || afterOne === OF || afterOne === ON) return null;
  if (
    !counted &&
    ((r.follows(j + 1) && r.toks[j + 1].kind === 'digits') ||
      (following !== null && (WEEKDAYS.has(following) || MONTHS.has(following) || RELATIVE_DAYS.has(following))))
  )
    return null;
  const base = { start, end: toks[j].end, next: j + 1, kind: 'period' as const, partOfDay: null };
  if (amount === null) {
    // منذ أيام / منذ أسابيع / منذ سنوات: vague.
    if (unit.unit === 'day')
      return { ...base, value: { type: 'relativeDay', offset: -3, precision: 2 }, rule: 'period.ago-vague' };
    if (unit.unit === 'hour')
      return { ...base, value: { type: 'relativeDay', offset: 0, precision: 1 }, rule: 'period.ago-vague' };
    return {
      ...base,
      value: { type: 'unresolvable', reason: `vague period (${unit.unit}s)` },
      rule: 'period.ago-vague',
    };
  }
  return { ...base, value: { type: 'ago', amount, unit: unit.unit }, rule: 'period.ago' };
}

/** في 2011، منذ 2014، خلال 2019: a bare year after a preposition. */
function readYearAlone(r: Reader, i: number): Match | null {
  const y = r.year(i);
  if (y === null || !r.cueBefore(i)) return null;
  if (r.isPunct(i + 1, '/-.') && r.toks[i + 2]?.kind === 'digits') return null;
  return yearMatch(r.toks[i].start, r.toks[i].end, i + 1, y, 'year.after-preposition');
}

/** (خلال الـ)24 ساعة الماضية */
function readRecentHours(r: Reader, i: number): Match | null {
  const unit = AGO_UNITS.get(r.nextWord(i + 1) ?? '');
  if (!unit || unit.unit !== 'hour' || !RECENT.has(r.nextWord(i + 2) ?? '')) return null;
  return {
    start: r.toks[i].start,
    end: r.toks[i + 2].end,
    next: i + 3,
    kind: 'period',
    partOfDay: null,
    value: { type: 'relativeDay', offset: 0, precision: 1 },
    rule: 'period.recent-hours',
  };
}

/**
 * Finds the temporal expressions of a text, left to right without overlaps, each resolved
 * against `published` ('YYYY-MM-DD' or null).
 */
export function findTemporals(view: NormalizedText, published: string | null): TemporalExpression[] {
  const toks = scanWords(view);
  const reader = new Reader(view, toks);
  const out: TemporalExpression[] = [];
  for (let i = 0; i < toks.length;) {
    const kind = toks[i].kind;
    const m = kind === 'word' || kind === 'digits' ? matchAt(reader, i) : null;
    if (!m) {
      i++;
      continue;
    }
    const span = toOriginalSpan(view, m.start, m.end);
    const resolved = resolveTemporal(m.value, published);
    const { year, ...date } = resolved;
    out.push({
      start: span.start,
      end: span.end,
      kind: m.kind,
      partOfDay: m.partOfDay,
      resolved: date,
      rule: m.rule,
      value: m.value,
      year,
    });
    i = m.next;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Resolution

/**
 * The year of a day and month written without one: the publication year, or the one before if
 * the date would fall more than 30 days after publication; with a direction, the last such day
 * before publication or the next one after it. Month mentions pass day 0 so that the month of
 * publication itself is neither before nor after it.
 */
function inferYear(
  month: number,
  day: number,
  published: YearMonthDay,
  direction: YearlessDirection = 'nearest',
): number {
  const y = published.year;
  const here = published.month * 100 + (day === 0 ? 0 : published.day);
  const there = month * 100 + day;
  if (direction === 'before') return there < here ? y : y - 1;
  if (direction === 'after') return there > here ? y : y + 1;
  const candidate = { year: y, month, day: Math.max(1, Math.min(day, daysInMonth(y, month))) };
  return toDayNumber(candidate) > toDayNumber(published) + 30 ? y - 1 : y;
}

function dayInMonth(year: number, month: number, part: MonthPart): YearMonthDay {
  const day = part === 'early' ? 1 : part === 'late' ? daysInMonth(year, month) : 15;
  return { year, month, day };
}

/** Places a temporal value on the calendar against a publication date ('YYYY-MM-DD' or null). */
export function resolveTemporal(value: TemporalValue, published: string | null): ResolvedTemporal {
  const pub = published === null ? null : parseIsoDate(published);
  const none = (reason: string, year: number | null = null): ResolvedTemporal => ({
    date: null,
    timePrecision: null,
    reason,
    year,
  });
  const at = (d: YearMonthDay, timePrecision: 1 | 2 | 3): ResolvedTemporal => ({
    date: formatIsoDate(d),
    timePrecision,
    reason: null,
    year: d.year,
  });
  const noAnchor = published === null ? 'no publication date' : 'invalid publication date';

  switch (value.type) {
    case 'date': {
      const year = value.year ?? (pub ? inferYear(value.month, value.day, pub, value.direction) : null);
      if (year === null) return none(`no year and ${noAnchor}`);
      if (!isValidDate(year, value.month, value.day)) return none('invalid date');
      return at({ year, month: value.month, day: value.day }, 1);
    }
    case 'month': {
      const year = value.year ?? (pub ? inferYear(value.month, 0, pub, value.direction) : null);
      if (year === null) return none(`no year and ${noAnchor}`);
      return at(dayInMonth(year, value.month, value.part), 3);
    }
    case 'year':
      return none('year only', value.year);
    case 'unresolvable':
      return none(value.reason);
    default:
      break;
  }
  if (!pub) return none(noAnchor);
  switch (value.type) {
    case 'relativeYear':
      return none('year only', pub.year + value.offset);
    case 'weekday': {
      const today = dayOfWeek(pub);
      let delta: number;
      if (value.direction === 'after') delta = (value.weekday - today + 7) % 7 || 7;
      else delta = -((today - value.weekday + 7) % 7 || (value.direction === 'before' ? 7 : 0));
      return at(addDays(pub, delta + value.dayOffset), 1);
    }
    case 'relativeDay':
      return at(addDays(pub, value.offset), value.precision);
    case 'relativeWeek': {
      const monday = addDays(isoWeekMonday(pub), 7 * value.offset);
      if (value.offset !== 0) return at(addDays(monday, 3), 2);
      return at(addDays(monday, Math.floor((toDayNumber(pub) - toDayNumber(monday)) / 2)), 2);
    }
    case 'relativeMonth': {
      const m = addMonths({ year: pub.year, month: pub.month, day: 1 }, value.offset);
      return at(dayInMonth(m.year, m.month, value.part), 3);
    }
    case 'dayOfRelativeMonth': {
      const m = addMonths({ year: pub.year, month: pub.month, day: 1 }, value.offset);
      if (!isValidDate(m.year, m.month, value.day)) return none('invalid date');
      return at({ ...m, day: value.day }, 1);
    }
    case 'ago':
      switch (value.unit) {
        case 'hour':
          return at(addDays(pub, -Math.floor(value.amount / 24)), 1);
        case 'day':
          return at(addDays(pub, -value.amount), 1);
        case 'week':
          return at(addDays(pub, -7 * value.amount), 2);
        case 'month':
          return at(addMonths(pub, -value.amount), 3);
        case 'year':
          return at(addMonths(pub, -12 * value.amount), 3);
      }
  }
}
