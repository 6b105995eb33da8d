/**
 * "الغارة الإسرائيلية"، "غارة أمريكية"، "القصف التركي": an attack named by the nationality of its
 * author is that state's forces. The adjective is the definite demonym the entity recogniser
 * finds, or its indefinite form (the demonym without its article), looked for only in the few
 * words right after an attack word: alone, "مالي" or "قطري" are common words.
 */
import type { Doc, Token } from '../core/document.js';
import type { Span } from '../core/span.js';
import { spanIndexAt } from '../core/span.js';
import { isSpace } from '../core/whitespace.js';
import { LastEntryCache } from '../core/last-entry-cache.js';
import type { EntityKnowledge } from '../entities/knowledge.js';
import type { Entity } from '../entities/recognize.js';
import { rangeCovers, type Actor } from '../knowledge/actors.js';
import { normalizeForMatch } from '../text/normalize.js';
import { lowerBound } from './doc-index.js';
import type { Mention } from './mention.js';
import { eventActorOf, type EventActor } from './record.js';

/** Words between an attack noun and the nationality adjective of its author ("غارات جوية إسرائيلية"). */
const MAX_WORDS_TO_NATIONALITY = 2;
const NATIONALITY_STOPS = '.،,؛:!?؟\n';
/** A preposition ends the attack's noun phrase: "صواريخ على بلدات إسرائيلية" names the target. */
const PREPOSITIONS = new Set([
  'على',
  'علي',
  'في',
  'ضد',
  'من',
  'الى',
  'إلى',
  'نحو',
  'باتجاه',
  'عن',
  'مع',
  'تجاه',
  'داخل',
]);

/**
 * The last offset at which a nationality adjective after a trigger ending at `from` may start:
 * at most MAX_WORDS_TO_NATIONALITY words in between, and no punctuation, line break or
 * preposition. Bounded by those few words, so a long text costs no more per trigger.
 */
function nationalityBound(text: string, from: number): number {
  let words = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (NATIONALITY_STOPS.includes(c)) return i;
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    if (words === MAX_WORDS_TO_NATIONALITY) return i;
    const start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i)) && !NATIONALITY_STOPS.includes(text[i])) i++;
    if (PREPOSITIONS.has(text.slice(start, i))) return start;
    words++;
  }
  return i;
}

/** "صاروخ إيراني الصنع": made in that country, not fired by it. */
const MADE_IN = /^\s*ال?صنع/;

/**
 * A document's nationality adjectives in order, with their starts: found once per document and
 * kept for the last one only (see LastEntryCache).
 */
const demonymsByDoc = new LastEntryCache<Doc, { entities: Entity[]; starts: number[] }>();

function demonymsOf(doc: Doc): { entities: Entity[]; starts: number[] } {
  let found = demonymsByDoc.get(doc);
  if (!found) {
    const entities = doc.entities.filter((e) => e.demonymOf !== null).sort((a, b) => a.start - b.start);
    found = { entities, starts: entities.map((e) => e.start) };
    demonymsByDoc.set(doc, found);
  }
  return found;
}

/** A nationality adjective and the country (ISO alpha-2) it names. */
interface Adjective {
  span: Span;
  country: string;
}

/** Indefinite demonyms (normalised) → ISO alpha-2, made once per knowledge. */
const indefiniteByKnowledge = new WeakMap<EntityKnowledge, Map<string, string>>();

function indefiniteDemonyms(knowledge: EntityKnowledge): Map<string, string> {
  let found = indefiniteByKnowledge.get(knowledge);
  if (!found) {
    found = new Map();
    for (const country of knowledge.gazetteer.countryByIso2.values())
      for (const demonym of country.demonyms_ar)
        if (demonym.startsWith('ال') && demonym.length > 4)
          found.set(normalizeForMatch(demonym.slice(2)), country.iso2);
    indefiniteByKnowledge.set(knowledge, found);
  }
  return found;
}

/** Adjectives that may stand between an attack noun and its author's nationality (normalised). */
const ATTACK_MODIFIERS = new Set(
  [
    'جوية',
    'جوي',
    'حربية',
    'حربي',
    'صاروخية',
    'صاروخي',
    'مدفعية',
    'مدفعي',
    'بحرية',
    'بحري',
    'برية',
    'بري',
    'عسكرية',
    'عسكري',
    'مسيرة',
    'جديدة',
    'جديد',
  ].map((w) => normalizeForMatch(w)),
);

/**
 * The indefinite demonym right after the trigger, or after one attack adjective ("غارة جوية
 * إسرائيلية"), before `bound`; null when another word comes first ("هجوم حوثي إيراني" names the
 * Houthis first).
 */
function indefiniteAfter(doc: Doc, from: number, bound: number, knowledge: EntityKnowledge): Adjective | null {
  const demonyms = indefiniteDemonyms(knowledge);
  let modifiers = 0;
  for (let k = Math.max(0, spanIndexAt(doc.tokens, from)); k < doc.tokens.length; k++) {
    const t = doc.tokens[k];
    if (t.start < from) continue;
    if (t.start > bound || t.kind !== 'word') break;
    const country = t.proclitics.length === 0 ? demonyms.get(t.norm) : undefined;
    if (country) return { span: { start: t.start, end: t.end }, country };
    if (!ATTACK_MODIFIERS.has(t.norm) || ++modifiers > 1) break;
  }
  return null;
}

/**
 * The state forces a nationality adjective right after the trigger names, valid at the
 * article's date; null when there is none or the country has no forces in the dictionary.
 */
export function nationalityAgent(
  m: Mention,
  doc: Doc,
  knowledge: EntityKnowledge,
  date: string | null,
): { actor: EventActor; span: Span } | null {
  const end = m.trigger.span.end;
  const bound = nationalityBound(doc.view.original, end);
  const demonyms = demonymsOf(doc);
  // The first adjective from the trigger's end on, if it starts within the bound.
  const first = lowerBound(demonyms.starts, end);
  const definite = demonyms.starts[first] <= bound ? demonyms.entities[first] : null;
  const indefinite = indefiniteAfter(doc, end, definite?.start ?? bound, knowledge);
  const adjective: Adjective | null =
    indefinite ??
    (definite?.demonymOf ? { span: { start: definite.start, end: definite.end }, country: definite.demonymOf } : null);
  if (!adjective || MADE_IN.test(doc.view.original.slice(adjective.span.end, adjective.span.end + 8))) return null;
  if (qualifiesAPlace(doc, adjective.span.start)) return null;
  const [actor] = stateForcesOf(adjective.country, date, knowledge);
  if (!actor) return null;
  return {
    actor: eventActorOf(actor),
    span: adjective.span,
  };
}

/**
 * Nouns of places a nationality adjective may qualify (بالعاصمة الأفغانية، في الأراضي السورية): the
 * adjective then names where, not who (normalised, without their article).
 */
const PLACE_HEADS = new Set(
  [
    'عاصمة',
    'مدينة',
    'مدن',
    'أراضي',
    'أرض',
    'حدود',
    'سفارة',
    'قنصلية',
    'ولاية',
    'إقليم',
    'محافظة',
    'بلدة',
    'قرية',
    'منطقة',
    'مناطق',
    'ساحل',
    'سواحل',
    'مياه',
    'أجواء',
    'جزيرة',
    'دولة',
    'بلاد',
  ].map((w) => normalizeForMatch(w)),
);

/** Whether the word just before the adjective starting at `start` is a place it qualifies. */
function qualifiesAPlace(doc: Doc, start: number): boolean {
  const at = spanIndexAt(doc.tokens, start);
  const before = doc.tokens[at - 1];
  return !!before && before.kind === 'word' && PLACE_HEADS.has(before.stem.replace(/^ال(?=..)/, ''));
}

/** Nouns of armed forces and their weapons that a nationality adjective makes a state's (normalised, without their article). */
const FORCE_NOUNS = new Set(
  [
    'طائرة',
    'طائرات',
    'مقاتلة',
    'مقاتلات',
    'مروحية',
    'مروحيات',
    'طيران',
    'مدفعية',
    'بحرية',
    'زوارق',
    'قوات',
    'دبابات',
    'جيش',
  ].map((w) => normalizeForMatch(w)),
);

/**
 * "مروحية أمريكية قصفت"، "المدفعية التركية قصفت": the state forces that a force noun and its
 * nationality adjective name when they stand right before a verb trigger, as its subject (one
 * attack adjective may come between: "طائرة مسيرة أمريكية"); null otherwise.
 */
export function nationalitySubjectAgent(
  m: Mention,
  doc: Doc,
  knowledge: EntityKnowledge,
  date: string | null,
): { actor: EventActor; span: Span } | null {
  if (m.trigger.pos !== 'verb' && m.trigger.tense === null) return null;
  const first = spanIndexAt(doc.tokens, m.trigger.fullSpan.start);
  const adjective = doc.tokens[first - 1];
  if (!adjective || adjective.kind !== 'word' || adjective.sentence !== doc.tokens[first]?.sentence) return null;
  const demonyms = demonymsOf(doc);
  const definite = demonyms.entities[lowerBound(demonyms.starts, adjective.start)];
  const country =
    definite && definite.start === adjective.start && definite.end === adjective.end
      ? definite.demonymOf
      : adjective.proclitics.length === 0
        ? indefiniteDemonyms(knowledge).get(adjective.norm)
        : undefined;
  if (!country) return null;
  for (let k = first - 2; k >= first - 3 && k >= 0; k--) {
    const t = doc.tokens[k];
    if (t.kind !== 'word' || t.sentence !== adjective.sentence) return null;
    if (FORCE_NOUNS.has(t.stem)) {
      const [actor] = stateForcesOf(country, date, knowledge);
      return actor ? { actor: eventActorOf(actor), span: { start: t.start, end: adjective.end } } : null;
    }
    if (!ATTACK_MODIFIERS.has(t.stem)) return null;
  }
  return null;
}

/** Words that qualify a force noun before its owner: "طائرة مسيرة"، "طائرة بدون طيار" (normalised). */
const FORCE_QUALIFIERS = new Set(
  ['مسيرة', 'بدون', 'بلا', 'دون', 'طيار', 'حربية', 'حربي', 'مقاتلة'].map((w) => normalizeForMatch(w)),
);
/** "تابعة للولايات المتحدة": the owner named after them (normalised, without their article). */
const BELONGING = new Set(['تابعة', 'تابع', 'تابعه'].map((w) => normalizeForMatch(w)));
/** Words between an attack and the force that carried it out: "غارة نفذتها طائرة"، "هجوم شنته مقاتلات". */
const ATTACK_TO_FORCE_WORDS = 2;
/** Qualifiers between a force noun and its owner: "طائرة بدون طيار أمريكية". */
const FORCE_TO_OWNER_WORDS = 3;

/**
 * "غارة نفذتها طائرة مسيرة تابعة للولايات المتحدة"، "قصف شنته طائرة بدون طيار أمريكية": the
 * state forces that own the force noun carrying out the attack, named by a nationality adjective
 * or by تابعة ل and a country, a few words after the trigger. Null when a preposition or a stop
 * comes first ("غارة على طائرات روسية" names the target), or the country has no forces then.
 * Any trigger merged into the mention may be the one the force follows.
 */
export function forceOwnerAgent(
  m: Mention,
  doc: Doc,
  knowledge: EntityKnowledge,
  date: string | null,
): { actor: EventActor; span: Span } | null {
  for (const trigger of [m.trigger.span, ...m.triggers]) {
    const found = forceOwnerAfter(trigger.end, doc, knowledge, date);
    if (found) return found;
  }
  return null;
}

/** The force noun and its owner (forceOwnerAgent) after a trigger ending at `end`. */
function forceOwnerAfter(
  end: number,
  doc: Doc,
  knowledge: EntityKnowledge,
  date: string | null,
): { actor: EventActor; span: Span } | null {
  const tokens = doc.tokens;
  const last = spanIndexAt(tokens, end - 1);
  if (last < 0) return null;
  const first = last + 1;
  const sentence = tokens[last].sentence;
  let force = -1;
  for (let k = first, words = 0; k < tokens.length && words <= ATTACK_TO_FORCE_WORDS; k++, words++) {
    const t = tokens[k];
    if (t.sentence !== sentence || t.kind !== 'word' || PREPOSITIONS.has(t.norm)) return null;
    if (FORCE_NOUNS.has(t.stem)) {
      force = k;
      break;
    }
  }
  if (force < 0) return null;
  const indefinite = indefiniteDemonyms(knowledge);
  const demonyms = demonymsOf(doc);
  for (let k = force + 1; k < tokens.length && k <= force + FORCE_TO_OWNER_WORDS + 1; k++) {
    const t = tokens[k];
    if (t.sentence !== sentence || t.kind !== 'word') return null;
    const adjective = demonymCountry(t, demonyms, indefinite);
    const owner = adjective
      ? { country: adjective, end: t.end }
      : BELONGING.has(t.stem)
        ? countryNamedAt(doc, k + 1)
        : null;
    if (owner) {
      const [actor] = stateForcesOf(owner.country, date, knowledge);
      return actor ? { actor: eventActorOf(actor), span: { start: tokens[force].start, end: owner.end } } : null;
    }
    // بلا and بدون may lose their ب to the tokeniser: the whole word counts too.
    if (!FORCE_QUALIFIERS.has(t.norm) && !FORCE_QUALIFIERS.has(t.stem) && !ATTACK_MODIFIERS.has(t.stem)) return null;
  }
  return null;
}

/** The country a place name starting at token `k` names ("للولايات المتحدة"), and the name's end; or null. */
function countryNamedAt(doc: Doc, k: number): { country: string; end: number } | null {
  const e = doc.entities.find((x) => x.tokenStart === k);
  const r = e?.resolution;
  return e && r?.kind === 'place' && r.feature === 'country' ? { country: r.country, end: e.end } : null;
}

/**
 * A country's state forces at `date` (still in being when undated), each an entry no other of
 * them contains: the army, not its air arm or a unit (one entry where the dictionary has one
 * army then; two where two claim the name, as in Yemen).
 */
export function stateForcesOf(country: string, date: string | null, knowledge: EntityKnowledge): Actor[] {
  const forces = countryActorsAt(country, STATE_FORCE_KINDS, date, knowledge);
  return forces.filter((a) =>
    a.affiliations.every((f) => f.relation !== 'part_of' || !forces.some((o) => o.id === f.actor)),
  );
}

/**
 * A country's one police (its police entry then) or one army (stateForcesOf) at `date`; null when
 * it has none or several (the words do not say which).
 */
export function forceOfKind(
  country: string,
  kind: 'police' | 'military',
  date: string | null,
  knowledge: EntityKnowledge,
): Actor | null {
  const forces =
    kind === 'police'
      ? countryActorsAt(country, POLICE_KINDS, date, knowledge)
      : stateForcesOf(country, date, knowledge);
  return forces.length === 1 ? forces[0] : null;
}

const STATE_FORCE_KINDS: ReadonlySet<string> = new Set(['state_forces', 'foreign_forces']);
const POLICE_KINDS: ReadonlySet<string> = new Set(['police']);
const GOVERNMENT_KINDS: ReadonlySet<string> = new Set(['government']);

/** A country's actors of some kinds valid at `date` (still in being when undated). */
function countryActorsAt(
  country: string,
  kinds: ReadonlySet<string>,
  date: string | null,
  knowledge: EntityKnowledge,
): Actor[] {
  return knowledge.actors.actors.filter(
    (a) =>
      a.country === country &&
      kinds.has(a.kind) &&
      (date === null ? a.valid_to === null : rangeCovers(a.valid_from, a.valid_to, date)),
  );
}

/**
 * A country's government at `date` (still in being when undated): the one the dictionary has
 * then, or null when it has none or several (Libya's rival governments: the words do not say which).
 */
export function governmentOf(country: string, date: string | null, knowledge: EntityKnowledge): Actor | null {
  const governments = countryActorsAt(country, GOVERNMENT_KINDS, date, knowledge);
  return governments.length === 1 ? governments[0] : null;
}

/**
 * The country a word names as a demonym: its indefinite form as a whole word, whatever proclitics
 * the tokeniser split off (فرنسيين is no ف + رنسيين), or the definite demonym the recogniser found
 * on exactly this word.
 */
function demonymCountry(
  t: Token,
  demonyms: { entities: Entity[]; starts: number[] },
  indefinite: ReadonlyMap<string, string>,
): string | undefined {
  const definite = demonyms.entities[lowerBound(demonyms.starts, t.start)];
  return (
    indefinite.get(t.norm) ??
    (definite && definite.start === t.start && definite.end === t.end ? (definite.demonymOf ?? undefined) : undefined)
  );
}

/** Nouns of soldiers and police: "N جنود فرنسيين"، "رجل أمن أردني" are that state's forces (normalised, bare). */
const SOLDIER_NOUNS = new Set(
  [
    'جندي',
    'جنديا',
    'جنديان',
    'جنديين',
    'جنود',
    'عسكري',
    'عسكريا',
    'عسكريين',
    'عسكريون',
    'ضابط',
    'ضابطا',
    'ضباط',
    'شرطي',
    'شرطيا',
    'شرطيين',
    'شرطة',
    'أمن',
  ].map((w) => normalizeForMatch(w)),
);
/** Nouns of fighters: a nationality after them names no state's forces and no civilians. */
const FIGHTER_NOUNS = new Set(
  [
    'مسلح',
    'مسلحا',
    'مسلحين',
    'مسلحون',
    'مقاتل',
    'مقاتلا',
    'مقاتلين',
    'مقاتلون',
    'عنصر',
    'عنصرا',
    'عناصر',
    'متشدد',
    'متشددين',
    'إرهابي',
    'إرهابيين',
    'انتحاري',
    'ناشط',
    'ناشطين',
    'متظاهر',
    'متظاهرين',
    'محتج',
    'محتجين',
  ].map((w) => normalizeForMatch(w)),
);
/** How far after a toll's figure its victims' nationality may stand: "مقتل ثلاثة جنود فرنسيين". */
const VICTIM_WORDS = 3;

/**
 * The victims a toll names by their nationality: soldiers or police of a country ("مقتل جنديين
 * فرنسيين") are its state forces; people named by the nationality alone ("مقتل ثلاثة فلسطينيين"،
 * "إصابة شاب فلسطيني") are civilians. Fighters ("مسلحين فلسطينيين") are neither. Null when no
 * kept toll figure of the event is followed by a nationality within a few words.
 */
export function nationalityVictims(
  m: Mention,
  doc: Doc,
  knowledge: EntityKnowledge,
  date: string | null,
): { victims: 'state_forces'; actor: EventActor; span: Span } | { victims: 'civilians'; span: Span } | null {
  const indefinite = indefiniteDemonyms(knowledge);
  const demonyms = demonymsOf(doc);
  for (const figure of m.tolls) {
    if (figure.rejected !== null) continue;
    const first = Math.max(0, spanIndexAt(doc.tokens, figure.number.start));
    const sentence = doc.tokens[first]?.sentence;
    let previous: Token | null = null;
    let words = 0;
    for (let k = first; k < doc.tokens.length; k++) {
      const t = doc.tokens[k];
      if (t.sentence !== sentence || t.kind !== 'word') break;
      if (t.start >= figure.end && ++words > VICTIM_WORDS) break;
      if (PREPOSITIONS.has(t.norm) || PREPOSITIONS.has(t.stem)) break;
      const country = demonymCountry(t, demonyms, indefinite);
      if (country && previous) {
        const span = { start: previous.start, end: t.end };
        if (SOLDIER_NOUNS.has(previous.stem)) {
          const [actor] = stateForcesOf(country, date, knowledge);
          return actor ? { victims: 'state_forces', actor: eventActorOf(actor), span } : null;
        }
        return FIGHTER_NOUNS.has(previous.stem) ? null : { victims: 'civilians', span: { start: t.start, end: t.end } };
      }
      previous = t;
    }
  }
  return null;
}

/** Nouns of gunfire: "بنيران إسرائيلية"، "برصاص قناص إسرائيلي" name who shot by the nationality after them (normalised). */
const FIRE_NOUNS = new Set(
  ['نيران', 'نار', 'رصاص', 'رصاصة', 'رصاصات', 'طلق', 'طلقات', 'قناص', 'قناصة', 'قناصين'].map((w) =>
    normalizeForMatch(w),
  ),
);
/** Words between a fire noun and the nationality of the shooters: "برصاص قناص إسرائيلي"، "بنيران القوات الإسرائيلية". */
const FIRE_TO_NATIONALITY = 2;

/**
 * The state forces whose gunfire the report names by nationality in the event's evidence
 * ("أصيب متظاهرون بنيران إسرائيلية"، "قتل برصاص قناص إسرائيلي"): the first fire noun followed,
 * within two words, by a demonym. Null when there is none, or the country has no forces then.
 */
export function nationalityOfFire(
  m: Mention,
  doc: Doc,
  knowledge: EntityKnowledge,
  date: string | null,
): { actor: EventActor; span: Span } | null {
  const indefinite = indefiniteDemonyms(knowledge);
  const demonyms = demonymsOf(doc);
  for (const evidence of m.evidence) {
    for (let k = Math.max(0, spanIndexAt(doc.tokens, evidence.start)); k < doc.tokens.length; k++) {
      const fire = doc.tokens[k];
      if (fire.start >= evidence.end) break;
      if (fire.kind !== 'word' || !FIRE_NOUNS.has(fire.stem)) continue;
      for (let j = k + 1; j <= k + FIRE_TO_NATIONALITY + 1 && j < doc.tokens.length; j++) {
        const t = doc.tokens[j];
        if (t.kind !== 'word' || t.sentence !== fire.sentence || PREPOSITIONS.has(t.norm)) break;
        const country = demonymCountry(t, demonyms, indefinite);
        if (!country) continue;
        const [actor] = stateForcesOf(country, date, knowledge);
        return actor ? { actor: eventActorOf(actor), span: { start: fire.start, end: t.end } } : null;
      }
    }
  }
  return null;
}
