/**
 * Patterns for names the dictionaries lack: a rank or honorific before a person's name
 * (العقيد رمضان بورقيقة), military units (الكتيبة 166 مشاة، اللواء التاسع، كتيبة ثوار طرابلس),
 * the organisation a spokesman speaks for (المتحدث باسم X), and a place after a place noun
 * (مدينة X، حي X). Each candidate names its rule.
 */
import type { Token } from '../core/document.js';
import { withoutArticle } from './name-index.js';
import type { EntityCandidate } from './candidate.js';
import type { EntityType } from './name-index.js';
import { ordinalValue } from '../text/numbers.js';

export interface PatternLexicon {
  /** Normalised ranks and honorifics without ال (عقيد، لواء، شيخ) that precede a person's name. */
  personTitles: ReadonlySet<string>;
  /** Titles that are also unit words (اللواء: Major General, or brigade). */
  unitTitles: ReadonlySet<string>;
  /** Normalised function words that end a name. */
  functionWords: ReadonlySet<string>;
}

/** Unit nouns (without ال) that head a unit name. */
const UNIT_HEADS = new Set([
  'كتيبه',
  'لواء',
  'سريه',
  'فرقه',
  'فيلق',
  'قوه',
  'غرفه',
  'مجموعه',
  'كتائب',
  'الويه',
  'سرايا',
  'جهاز',
  'حرس',
]);
/** Words that may follow a unit number: arm of service (الكتيبة 166 مشاة). */
const UNIT_ARMS = new Set([
  'مشاه',
  'دبابات',
  'مدفعيه',
  'قتال',
  'مشاه ميكانيكيه',
  'مشاه الية',
  'صاعقه',
  'مظلات',
  'حرس',
  'مجحفل',
  'مشاة',
]);
/** Place nouns (without ال) after which a name is a place. */
const PLACE_NOUNS = new Set([
  'مدينه',
  'بلده',
  'قريه',
  'حي',
  'منطقه',
  'بلديه',
  'ضاحيه',
  'واحه',
  'ميناء',
  'مطار',
  'قاعده',
  'معسكر',
  'شعبيه',
]);
const SPOKESMAN = new Set(['متحدث', 'ناطق']);
const QUOTE = /^["'()]+$/;

function isWord(t: Token | undefined, sentence: number): t is Token {
  return !!t && t.sentence === sentence && t.kind === 'word';
}

function make(
  tokens: Token[],
  from: number,
  to: number,
  type: EntityType,
  rule: string,
  confidence: number,
): EntityCandidate {
  return {
    start: tokens[from].start,
    end: tokens[to - 1].end,
    type,
    tokenStart: from,
    tokenEnd: to,
    entries: [],
    source: 'pattern',
    rule,
    confidence,
    direction: null,
  };
}

/** Name parts joined to the part after them: عبد الحميد، أبو بكر، بن علي. */
const COMPOUND_NAME_PARTS = new Set(['عبد', 'ابو', 'بن', 'ولد', 'ابن']);

/**
 * The extent of a personal name from token i: up to three parts, a compound part (عبد الحميد)
 * counting as one; a third part is taken only when it is a family name with ال (الدبيبة).
 */
function personNameEnd(tokens: Token[], i: number, lex: PatternLexicon): number {
  if (i >= tokens.length) return i; // titles up to the end of the text name no one
  const sentence = tokens[i].sentence;
  let j = i;
  for (let parts = 0; parts < 3; parts++) {
    const t = tokens[j];
    if (!isWord(t, sentence) || lex.functionWords.has(t.norm) || lex.personTitles.has(withoutArticle(t.norm))) break;
    if (parts === 2 && !t.norm.startsWith('ال')) break;
    j++;
    if (COMPOUND_NAME_PARTS.has(t.norm) && isWord(tokens[j], sentence)) j++;
  }
  return j;
}

export function matchPatterns(tokens: Token[], lex: PatternLexicon): EntityCandidate[] {
  const found: EntityCandidate[] = [];
  // Where the run of titles that token i + 1 is in ends: every title of a run (العقيد الطيار …)
  // leads to the same name, so a run is walked once, not once from each of its titles.
  let titleRunEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const head = withoutArticle(t.stem);
    const next = tokens[i + 1];
    const sentence = t.sentence;

    // Units: a unit noun followed by a number, an ordinal, or a name in quotes or words.
    if (UNIT_HEADS.has(head) && next && next.sentence === sentence) {
      let j = i + 1;
      while (tokens[j] && tokens[j].sentence === sentence && tokens[j].kind === 'punct' && QUOTE.test(tokens[j].norm))
        j++;
      const first = tokens[j];
      if (first && first.sentence === sentence) {
        if (first.kind === 'number') {
          let end = j + 1;
          while (tokens[end] && tokens[end].kind === 'punct' && QUOTE.test(tokens[end].norm)) end++;
          if (isWord(tokens[end], sentence) && UNIT_ARMS.has(tokens[end].norm)) end++;
          else end = j + 1;
          found.push(make(tokens, i, end, 'ORG', 'pattern.unit.number', 0.8));
          i = end - 1;
          continue;
        }
        if (first.kind === 'word' && ordinalValue(first.norm) !== null) {
          let end = j + 1;
          // An ordinal unit often carries its home town: اللواء التاسع ترهونة.
          if (
            isWord(tokens[end], sentence) &&
            !lex.functionWords.has(tokens[end].norm) &&
            tokens[end].proclitics.length === 0
          )
            end++;
          found.push(make(tokens, i, end, 'ORG', 'pattern.unit.ordinal', 0.75));
          i = end - 1;
          continue;
        }
        if (
          !lex.unitTitles.has(head) &&
          first.kind === 'word' &&
          (first.norm === 'ثوار' || first.norm === 'شهداء' || first.norm === 'حمايه')
        ) {
          const end = Math.min(tokens.length, j + 2);
          if (isWord(tokens[end - 1], sentence)) {
            found.push(make(tokens, i, end, 'ORG', 'pattern.unit.named', 0.7));
            i = end - 1;
            continue;
          }
        }
      }
    }

    // A rank or honorific before a name.
    if (lex.personTitles.has(head) && isWord(next, sentence)) {
      let j = i + 1;
      if (j < titleRunEnd) j = titleRunEnd;
      else {
        while (isWord(tokens[j], sentence) && lex.personTitles.has(withoutArticle(tokens[j].norm))) j++; // الفريق أول، العقيد الطيار
        titleRunEnd = j;
      }
      const end = personNameEnd(tokens, j, lex);
      if (end > j) {
        found.push(make(tokens, j, end, 'PER', 'pattern.title-name', 0.75));
        i = end - 1;
        continue;
      }
    }

    // The organisation a spokesman speaks for.
    if (SPOKESMAN.has(head) && next && next.sentence === sentence && next.norm === 'باسم') {
      let end = i + 2;
      while (end < i + 6 && isWord(tokens[end], sentence) && !lex.functionWords.has(tokens[end].norm)) end++;
      if (end > i + 2) {
        found.push(make(tokens, i + 2, end, 'ORG', 'pattern.spokesman-of', 0.6));
        i = end - 1;
        continue;
      }
    }

    // An indefinite place noun before a name (مدينة غريان; المدينة is "the city", no name follows).
    if (
      PLACE_NOUNS.has(t.stem) &&
      !t.proclitics.includes('ال') &&
      isWord(next, sentence) &&
      !lex.functionWords.has(next.norm)
    ) {
      found.push(make(tokens, i + 1, i + 2, 'LOC', 'pattern.place-noun', 0.6));
      i += 1;
    }
  }
  return found;
}
