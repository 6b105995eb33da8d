/**
 * Merging mentions into events: in one clause, the higher ACLED type absorbs the lower (a strike
 * inside a battle, vehicles seized while taking a town); across the article, mentions whose
 * place, date and agent do not conflict are the same occurrence told again; generic attack words
 * join the specific event they refer to. Each merge is recorded on the candidates it moves.
 */
import type { Doc } from '../core/document.js';
import { distanceKm } from '../core/geo.js';
import { spanIndexAt } from '../core/span.js';
import { daysBetween, parseIsoDate } from '../text/calendar.js';
import { TELLING_DATE, type PlaceArgument } from './arguments.js';
import { rejection, type EventCandidate } from './candidates.js';
import { ACLED_PRECEDENCE } from './lexicon.js';
import type { CoreferenceWords } from './coreference-words.js';
import { VIOLENT, type Mention } from './mention.js';
import { reportsDead } from './toll.js';
import { viewPattern, viewText } from './view-text.js';

/** Strategic developments that fold into a violent event told in the same clause. */
const FOLDS_INTO_VIOLENCE = new Set(['Disrupted weapons use', 'Looting/property destruction']);
/**
 * Generic words for an attack (هجوم، هاجم، انفجار، إطلاق النار): they tell of an event that a
 * more specific word (تفجير انتحاري، عبوة ناسفة، غارة) usually names too. They join the
 * specific event when there is one, and stand alone only when there is none.
 */
export const GENERIC_TRIGGERS: ReadonlySet<string> = new Set(['clash_attack', 'explosion', 'clash_gunfire']);
/**
 * Mentions more sentences apart than this are never one occurrence: an article runs to 200
 * sentences at most (the corpora's longest has 196), so all of its mentions are weighed against
 * each other, and a longer text's mention only against those near it.
 */
const MERGE_WINDOW_SENTENCES = 400;
const SAME_OCCURRENCE: MergeReason = {
  byPrecedence: true,
  rule: 'merge.same-occurrence',
  why: 'same sentence, or same type with no conflicting place, day or agent',
};
/** A demonstration that turned violent is a riot (events.md's precedence puts Protests first). */
const PROTEST_TURNED_RIOT: MergeReason = {
  byPrecedence: false,
  riotsWin: true,
  rule: 'merge.protest-turned-riot',
  why: 'a protest and a riot of one place in one sentence: the demonstration turned violent',
};
/**
 * The kinds of bombing, the more specific ranked higher (a suicide bomb before an explosive
 * device before a grenade). Bombings of one place told by their kinds (a car bomb, its suicide
 * driver) are one event, named by the most specific.
 */
export const BLAST_RANK: ReadonlyMap<string, number> = new Map([
  ['Suicide bomb', 3],
  ['Remote explosive/landmine/IED', 2],
  ['Grenade', 1],
]);
const KINDS_OF_ONE_BLAST: MergeReason = {
  byPrecedence: false,
  blastKindWins: true,
  rule: 'merge.kinds-of-one-blast',
  why: 'bombings of one place told by their kinds (a car bomb and its suicide driver)',
};
const INSTRUMENT_OF: MergeReason = {
  byPrecedence: false,
  rule: 'merge.instrument',
  why: 'a weapon named after a verb of using it (استخدم فيها … سيارة مفخخة): how the violent event of its sentence was fought',
};
const GENERIC_JOINS: MergeReason = {
  byPrecedence: false,
  rule: 'merge.generic-joins-specific',
  why: 'a generic attack word joins the specific violent event of its sentence, else the nearest',
};
/**
 * "قتل 16 شخصا في انفجار شاحنة": the blast is how the people of its sentence were killed, so
 * the event is the blast's (Explosions/Remote violence ranks above Violence against civilians).
 */
const BLAST_OF_KILLING: MergeReason = {
  byPrecedence: true,
  rule: 'merge.blast-of-killing',
  why: 'a blast told in the sentence of a killing of civilians: the killing was the blast',
};
/**
 * "… فقتلت العشرات. وقال الدفاع المدني إن القصف أسفر عن …": a definite noun of the pack's
 * back-reference list (القصف، الغارة، الاشتباكات) that its clause places nowhere names again the
 * one violent event of its type told in the sentences just before, whatever agent its clause
 * seems to name (often the speaker).
 */
const BACK_REFERENCE: MergeReason = {
  byPrecedence: true,
  lendsNoActors: true,
  rule: 'merge.back-reference',
  why: 'a definite attack noun its clause places nowhere names again the one event of its type just told',
};
/** How many sentences back such a noun may point. */
const BACK_REFERENCE_SENTENCES = 2;

function refersBack(m: Mention, backReference: ReadonlySet<string>): boolean {
  return (
    m.trigger.pos !== 'verb' &&
    m.trigger.proclitic.endsWith('ال') &&
    backReference.has(m.trigger.form.split(' ')[0]) &&
    !placedInItsClause(m)
  );
}

/** How many words before a weapon the verb of using it may stand (استخدم فيها الإرهابيون سيارة مفخخة وانتحاريين). */
const INSTRUMENT_REACH = 5;

/**
 * The violent event a bomb used in it (m) was fought with: the one whose telling in m's sentence
 * comes last before m, at a place that may be m's (قتل جنديان في اشتباكات في درنة، بينما استخدم
 * مجهولون سيارة مفخخة في بنغازي: the car bomb is Benghazi's own).
 */
function fightUsing(m: Mention, events: readonly Mention[], doc: Doc): Mention | undefined {
  const sentence = doc.sentences[m.sentence];
  let best: Mention | undefined;
  let bestAt = -1;
  for (const e of events) {
    if (!VIOLENT.has(e.event_type) || !placesCompatible(e.place, m.place)) continue;
    for (const t of e.triggers)
      if (t.start >= sentence.start && t.end <= m.trigger.span.start && t.start > bestAt) {
        best = e;
        bestAt = t.start;
      }
  }
  return best;
}

/** Whether m's trigger is a weapon named right after a verb of using it, no punctuation between. */
function usedAsInstrument(m: Mention, doc: Doc, instrument: ReadonlySet<string>): boolean {
  const at = spanIndexAt(doc.tokens, m.trigger.span.start);
  for (let k = at - 1; k >= Math.max(0, at - INSTRUMENT_REACH); k--) {
    const token = doc.tokens[k];
    if (token.kind === 'punct') return false;
    if (instrument.has(token.stem) || instrument.has(token.norm)) return true;
  }
  return false;
}

/** The one violent event of m's type told in the sentences just before it, when there is one only. */
function referent(m: Mention, events: readonly Mention[], doc: Doc): Mention | undefined {
  // The sentence an event was last told in: a lead and its details a paragraph on are one telling.
  const lastTold = (e: Mention) =>
    Math.max(
      e.sentence,
      ...e.evidence.map((span) => spanIndexAt(doc.sentences, span.start)).filter((s) => s < m.sentence),
    );
  const found = events.filter(
    (e) =>
      e.event_type === m.event_type &&
      VIOLENT.has(e.event_type) &&
      e.sentence < m.sentence &&
      m.sentence - lastTold(e) <= BACK_REFERENCE_SENTENCES &&
      placesCompatible(e.place, m.place) &&
      (!e.date || !m.date || datesCompatible(e.date.temporal.resolved.date, m.date.temporal.resolved.date)),
  );
  return found.length === 1 ? found[0] : undefined;
}

/**
 * "وفي حادث منفصل بولاية أخرى … قتل خمسة": a mention after a phrase of the pack's separate
 * list in its sentence is another occurrence than anything told before that phrase.
 */
export function toldApart(doc: Doc, m: Mention, separate: RegExp): boolean {
  const sentence = doc.sentences[m.sentence];
  return sentence !== undefined && separate.test(viewText(doc, sentence.start, m.trigger.span.start));
}

/** Whether `e` may be one occurrence with `m`, which its sentence tells apart: only after the same phrase. */
export function toldApartWith(doc: Doc, e: Mention, m: Mention, separate: RegExp): boolean {
  return e.sentence === m.sentence && toldApart(doc, e, separate);
}

/** Violence an arrest at its scene belongs to (a protest's arrests make it "with intervention" instead). */
const ARMED_VIOLENCE: ReadonlySet<string> = new Set([
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
]);

/**
 * An arrest at the scene of an attack or a fight is part of it (the gold's rule 9): the police
 * who arrest are not the attack's author, so only place and day must agree, not the agents.
 */
function arrestAtScene(violent: Mention, arrest: Mention): boolean {
  if (!ARMED_VIOLENCE.has(violent.event_type) || arrest.sub_event_type !== 'Arrests') return false;
  if (!placesCompatible(violent.place, arrest.place)) return false;
  const da = violent.date?.temporal.resolved.date;
  const db = arrest.date?.temporal.resolved.date;
  return !da || !db || da === db;
}

/** Places closer than this may be one occurrence reported with different names. */
const SAME_PLACE_KM = 50;

function placeKey(m: Mention): string | null {
  return m.place?.place.id ?? null;
}

/** Places that can be the same occurrence's: one unknown, the same, within 50 km, or a region or country around the other. */
function placesCompatible(a: PlaceArgument | null, b: PlaceArgument | null): boolean {
  if (!a || !b || a.place.id === b.place.id) return true;
  if (a.geoPrecision === 3 || b.geoPrecision === 3) return a.place.country === b.place.country;
  return distanceKm(a.place.lat, a.place.lon, b.place.lat, b.place.lon) <= SAME_PLACE_KM;
}

/** Places both known and the same or within 50 km: not a region that holds the other. */
function placesNear(a: PlaceArgument | null, b: PlaceArgument | null): boolean {
  if (!a || !b) return false;
  return a.place.id === b.place.id || (a.geoPrecision !== 3 && b.geoPrecision !== 3 && placesCompatible(a, b));
}

/** Dates that can be the same occurrence's: one unknown, or at most two days apart (reports differ). */
function datesCompatible(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return true;
  const da = parseIsoDate(a);
  const db = parseIsoDate(b);
  return !da || !db || Math.abs(daysBetween(da, db)) <= 2;
}

/** A mention whose place its own clause names (في X after the trigger, or X beside it). */
function placedInItsClause(m: Mention): boolean {
  return !!m.place && /^place\.(governed-in-clause|in-clause|town-in-its-area)/.test(m.place.rule);
}

/** Two mentions of one trigger word: the places it lists, one event each (events.md). */
export function placesOfOneWord(a: Mention, b: Mention): boolean {
  return a.trigger === b.trigger;
}

function movesTroops(m: Mention): boolean {
  return m.sub_event_type === 'Other' && m.plover.type === 'MOBILIZE' && m.plover.mode === 'troops';
}

/** Sentences after a battle within which troops told with no anchor of their own are its. */
const TROOPS_AFTER_SENTENCES = 2;

/** A mention with no place, day or agent of its own. */
function anchorless(m: Mention): boolean {
  return !m.place && !m.date && !m.actors.actor1;
}

function crowd(m: Mention): boolean {
  return m.event_type === 'Protests' || m.event_type === 'Riots';
}

function compatible(a: Mention, b: Mention): boolean {
  if (!placesCompatible(a.place, b.place)) return false;
  // Two dated mentions in one report must name the same day: "أمس" (unresolved) and
  // "8 يناير 2018" are different days, and so are "أمس الاثنين" and "أول أمس السبت". The day a
  // source spoke (قالت الوكالة الثلاثاء إن …) may be after the day of what it tells.
  if (
    a.date &&
    b.date &&
    a.date.rule !== TELLING_DATE &&
    b.date.rule !== TELLING_DATE &&
    a.date.temporal.resolved.date !== b.date.temporal.resolved.date
  )
    return false;
  // One sentence telling one act twice (خطف … قاموا بخطف) may name its agent differently.
  if (a.sentence === b.sentence) return true;
  const a1 = a.actors.actor1?.actor?.id;
  const b1 = b.actors.actor1?.actor?.id;
  return !a1 || !b1 || a1 === b1;
}

function sharesAnchor(a: Mention, b: Mention): boolean {
  const samePlace = !!a.place && !!b.place && placesCompatible(a.place, b.place);
  const sameDay = !!a.date?.temporal.resolved.date && a.date.temporal.resolved.date === b.date?.temporal.resolved.date;
  const sameDateWords =
    !!a.date &&
    !!b.date &&
    a.date.temporal.resolved.date === null &&
    JSON.stringify(a.date.temporal.value) === JSON.stringify(b.date.temporal.value);
  const sameAgent = !!a.actors.actor1?.actor && a.actors.actor1.actor.id === b.actors.actor1?.actor?.id;
  return samePlace || sameDay || sameDateWords || sameAgent;
}

/**
 * One event, many mentions: in one clause, the higher type absorbs the lower (a strike inside a
 * battle, vehicles seized while taking a town); across the article, mentions of the same sub-type
 * whose place, date and agent do not conflict are the same occurrence told again. Generic attack
 * words join the specific event they refer to (see GENERIC_TRIGGERS).
 */
export function mergeMentions(mentions: Mention[], doc: Doc, words: CoreferenceWords): Mention[] {
  const events: Mention[] = [];
  // Each event under the sentence it was first told in, so a mention weighs only the events
  // told near it (MERGE_WINDOW_SENTENCES), in the order they were found.
  const eventsAt: number[][] = doc.sentences.map(() => []);
  const addEvent = (e: Mention) => {
    eventsAt[e.sentence]?.push(events.length);
    events.push(e);
  };
  const near = (m: Mention): Mention[] => {
    const found: number[] = [];
    const last = Math.min(eventsAt.length - 1, m.sentence + MERGE_WINDOW_SENTENCES);
    for (let s = Math.max(0, m.sentence - MERGE_WINDOW_SENTENCES); s <= last; s++)
      for (const i of eventsAt[s]) found.push(i);
    const all = found.sort((a, b) => a - b).map((i) => events[i]);
    return toldApart(doc, m, words.separate) ? all.filter((e) => toldApartWith(doc, e, m, words.separate)) : all;
  };
  const isGeneric = (m: Mention) => GENERIC_TRIGGERS.has(m.trigger.entryId);
  const specific = mentions.filter((m) => !isGeneric(m));
  const state = absorbState();
  for (const m of specific) {
    let turnedRiot = false;
    let blastKinds = false;
    const nearby = near(m);
    const referred = refersBack(m, words.backReference) ? referent(m, nearby, doc) : undefined;
    // Bombs used in a fight; air strikes and shelling are events of their own even so. The fight is
    // the one told last before the bomb in its sentence, at a place that may be the bomb's.
    const instrumentOf =
      BLAST_RANK.has(m.sub_event_type) && VIOLENT.has(m.event_type) && usedAsInstrument(m, doc, words.instrument)
        ? fightUsing(m, nearby, doc)
        : undefined;
    const target =
      referred ??
      instrumentOf ??
      nearby.find((e) => {
        if (placesOfOneWord(e, m)) return false;
        const sameClause = e.sentence === m.sentence && e.clause.start === m.clause.start;
        // One sentence telling one act twice, whatever place each telling names.
        if (
          e.sentence === m.sentence &&
          !e.trigger.territory &&
          !m.trigger.territory &&
          e.sub_event_type === m.sub_event_type
        )
          return true;
        const folds = (x: Mention, y: Mention) =>
          VIOLENT.has(x.event_type) && FOLDS_INTO_VIOLENCE.has(y.sub_event_type);
        // Vehicles seized while taking a town are part of taking it, wherever the seizure is placed.
        if (sameClause && (folds(e, m) || folds(m, e))) return true;
        if (arrestAtScene(e, m) || arrestAtScene(m, e)) return true;
        // "تظاهر المئات وأغلقوا الطريق السريع": what a crowd does in the sentence of its protest is part of it.
        if (e.sentence === m.sentence && ((crowd(e) && m.trigger.crowdAct) || (crowd(m) && e.trigger.crowdAct)))
          return true;
        if (!compatible(e, m)) return false;
        // Troops moving up (تقدم، تعزيزات) where and when the fighting is are part of the battle;
        // so are those told right after it with no place, day or agent of their own (وجرى نشر
        // المزيد من التعزيزات حول المبنى).
        if ((movesTroops(m) && e.event_type === 'Battles') || (movesTroops(e) && m.event_type === 'Battles')) {
          const [troops, battle] = movesTroops(m) ? [m, e] : [e, m];
          const after = troops.sentence - battle.sentence;
          return sharesAnchor(e, m) || (anchorless(troops) && after >= 0 && after <= TROOPS_AFTER_SENTENCES);
        }
        // Taking territory is one event per place.
        if ((m.trigger.territory || e.trigger.territory) && placeKey(e) !== placeKey(m)) return false;
        // "شاحنة مفخخة … قادها انتحاري": the kinds of one blast, told in one place.
        if (
          e.sub_event_type !== m.sub_event_type &&
          BLAST_RANK.has(e.sub_event_type) &&
          BLAST_RANK.has(m.sub_event_type) &&
          placeKey(e) !== null &&
          placeKey(e) === placeKey(m)
        )
          return (blastKinds = true);
        if (sameClause && VIOLENT.has(e.event_type) && VIOLENT.has(m.event_type)) return true;
        // Protests one sentence says turned to riots ("احتجاجات … تحولت إلى أعمال شغب") are the riots, town by town.
        if (e.sentence === m.sentence && crowd(e) && crowd(m) && placeKey(e) === placeKey(m))
          return (turnedRiot = true);
        if (e.event_type !== m.event_type || e.sub_event_type !== m.sub_event_type) return false;
        // Across sentences, a violent event told again often drops its place and day; a strategic
        // development must share one (a place, a day, an agent), or two seizures a paragraph apart
        // become one.
        return e.sentence === m.sentence || VIOLENT.has(e.event_type) || sharesAnchor(e, m);
      });
    if (target)
      absorb(
        target,
        m,
        referred
          ? BACK_REFERENCE
          : instrumentOf
            ? // "قتل ثلاثة مدنيين حين استخدم مجهولون سيارة مفخخة": the killing was the blast.
              instrumentOf.event_type === 'Violence against civilians'
              ? BLAST_OF_KILLING
              : INSTRUMENT_OF
            : turnedRiot
              ? PROTEST_TURNED_RIOT
              : blastKinds
                ? KINDS_OF_ONE_BLAST
                : SAME_OCCURRENCE,
        state,
      );
    else addEvent(copyOf(m));
  }
  for (const m of mentions.filter(isGeneric)) {
    const candidates = near(m);
    // The specific violent event of the same sentence, else the nearest compatible one: an attack
    // its own clause places elsewhere ("هاجموا قواتنا في ولاية فشودة" beside battles in Yei) is
    // another (a place further off, in the sentence, may only describe: "المدينة الواقعة جنوب دمشق").
    // A generic word with its own dead (قتل 17 شخصا في تفجير … بإقليم خوست) reports an
    // occurrence: outside its sentence it joins only an event placed near its own place.
    const ownDead = reportsDead(m.tolls);
    const violent = candidates.filter(
      (e) =>
        VIOLENT.has(e.event_type) &&
        (!e.date || !m.date || datesCompatible(e.date.temporal.resolved.date, m.date.temporal.resolved.date)) &&
        (e.sentence === m.sentence || !placedInItsClause(m) || placesCompatible(e.place, m.place)) &&
        (e.sentence === m.sentence || !ownDead || placesNear(e.place, m.place)),
    );
    const target =
      violent.find((e) => e.sentence === m.sentence) ??
      violent.sort((a, b) => Math.abs(a.sentence - m.sentence) - Math.abs(b.sentence - m.sentence))[0] ??
      candidates.find((e) => e.trigger.entryId === m.trigger.entryId && compatible(e, m));
    // "ألقت القبض على منفذ الهجوم": beside an arrest, the attack is only what it is about.
    const aboutAnother = candidates.some((e) => e.sentence === m.sentence && !VIOLENT.has(e.event_type));
    // Standing alone, a generic word needs substance: a toll, a date or a named place, a
    // province at least (not "the attack on Yemen" in a speech).
    const substantial =
      m.tolls.some((f) => f.rejected === null) ||
      m.date !== null ||
      (m.place !== null && (m.place.geoPrecision < 3 || m.place.place.feature !== 'country'));
    const blastOfKilling =
      target !== undefined &&
      m.trigger.entryId === 'explosion' &&
      target.sentence === m.sentence &&
      target.event_type === 'Violence against civilians';
    if (target && blastOfKilling) absorb(target, refineGeneric(m, doc), BLAST_OF_KILLING, state);
    else if (target) absorb(target, m, GENERIC_JOINS, state);
    else if (!aboutAnother && substantial) addEvent(refineGeneric(copyOf(m), doc));
    else
      for (const c of m.candidates)
        c.verdict = rejection(aboutAnother ? 'merge.generic-about-another' : 'merge.generic-alone');
  }
  return events.sort((a, b) => a.trigger.span.start - b.trigger.span.start);
}

/** A generic attack standing alone takes its kind from its sentence's words (هجومان … انتحاريان). */
/** How far a generic attack word looks for the words that say what kind of attack it was. */
const NEARBY_SENTENCES = 3;
const SUICIDE_WORDS = viewPattern(/انتحار/);
const EXPLOSIVE_WORDS = viewPattern(/(تفجير|مفخخ|ملغوم|عبوة|عبوات|ناسف|متفجر)/);

function refineGeneric(m: Mention, doc: Doc): Mention {
  if (m.event_type !== 'Battles' && m.trigger.entryId !== 'explosion') return m;
  const sentence = doc.sentences[m.sentence];
  // The sentence's words first; a report about a bombing calls it "the attack" a few sentences on.
  let words = viewText(doc, sentence.start, sentence.end);
  if (!SUICIDE_WORDS.test(words) && !EXPLOSIVE_WORDS.test(words)) {
    const near = doc.sentences.slice(Math.max(0, m.sentence - NEARBY_SENTENCES), m.sentence + NEARBY_SENTENCES + 1);
    words = viewText(doc, near[0].start, near[near.length - 1].end);
  }
  if (SUICIDE_WORDS.test(words)) {
    return {
      ...m,
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Suicide bomb',
      plover: { type: 'ASSAULT', mode: 'suicide-attack' },
      rules: [...m.rules, 'generic.suicide-words'],
    };
  }
  if (EXPLOSIVE_WORDS.test(words)) {
    return {
      ...m,
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Remote explosive/landmine/IED',
      plover: { type: 'ASSAULT', mode: 'explosives' },
      rules: [...m.rules, 'generic.explosive-words'],
    };
  }
  return m;
}

/** An event of its own from a mention: lists that absorb may grow without touching the mention's. */
function copyOf(m: Mention): Mention {
  const actors = {
    ...m.actors,
    assoc1: [...m.actors.assoc1],
    assoc2: [...m.actors.assoc2],
    rules: [...m.actors.rules],
  };
  return {
    ...m,
    actors,
    tolls: [...m.tolls],
    evidence: [...m.evidence],
    triggers: [...m.triggers],
    rules: [...m.rules],
    candidates: [...m.candidates],
  };
}

/** Why one mention merged into another: the rule (or model) and what it rests on, for --explain. */
export interface MergeReason {
  /** With it, the higher of the two ACLED types wins (lexicon.ts's ACLED_PRECEDENCE). */
  byPrecedence: boolean;
  /** With it, a riot merged into a protest makes the event the riot. */
  riotsWin?: boolean;
  /** With it, the more specific kind of bombing (BLAST_RANK) names the event. */
  blastKindWins?: boolean;
  /** A mention that only refers back: it lends the event no party (its clause's is often the speaker). */
  lendsNoActors?: boolean;
  rule: string;
  why: string;
}

/** The lookups absorb keeps per event: the sentences it rests on, the candidates it holds. */
export interface AbsorbState {
  evidenceStarts: Map<Mention, Set<number>>;
  candidatesOf: Map<Mention, Set<EventCandidate>>;
}

export function absorbState(): AbsorbState {
  return { evidenceStarts: new Map(), candidatesOf: new Map() };
}

/**
 * Folds mention `m` into event `e`. The event's lists (its own, see copyOf) grow in place, and
 * the state holds the sentences it rests on: an event told again and again in a long text must
 * not be copied each time. A candidate that had merged already keeps the merge it was part of.
 */
export function absorb(e: Mention, m: Mention, reason: MergeReason, state: AbsorbState): void {
  const { evidenceStarts, candidatesOf } = state;
  const byPrecedence = reason.byPrecedence;
  // What m merged into: the event's trigger as it stood (precedence may hand it m's).
  const into = e.trigger.span;
  const mWins = byPrecedence
    ? ACLED_PRECEDENCE.indexOf(m.event_type) < ACLED_PRECEDENCE.indexOf(e.event_type)
    : (reason.riotsWin === true && m.event_type === 'Riots' && e.event_type === 'Protests') ||
      (reason.blastKindWins === true &&
        (BLAST_RANK.get(m.sub_event_type) ?? 0) > (BLAST_RANK.get(e.sub_event_type) ?? 0));
  if (mWins) {
    e.event_type = m.event_type;
    e.sub_event_type = m.sub_event_type;
    e.plover = m.plover;
    e.trigger = m.trigger;
  }
  // The first telling's place stands; a later one only fills a gap.
  e.place ??= m.place;
  // A day the text gives the occurrence stands before the day a source told of it.
  if (!e.date || (e.date.rule === TELLING_DATE && m.date && m.date.rule !== TELLING_DATE)) e.date = m.date;
  if (!reason.lendsNoActors) {
    e.actors.actor1 ??= m.actors.actor1;
    e.actors.actor2 ??= m.actors.actor2;
    for (const a of m.actors.assoc1) e.actors.assoc1.push(a);
    for (const a of m.actors.assoc2) e.actors.assoc2.push(a);
    for (const r of m.actors.rules) e.actors.rules.push(r);
  }
  if (e.modality !== 'asserted' && m.modality === 'asserted') e.modality = 'asserted';
  e.claimant ??= m.claimant;
  e.tolls.push(...m.tolls);
  let starts = evidenceStarts.get(e);
  if (!starts) evidenceStarts.set(e, (starts = new Set(e.evidence.map((x) => x.start))));
  for (const span of m.evidence) {
    if (starts.has(span.start)) continue;
    starts.add(span.start);
    e.evidence.push(span);
  }
  e.triggers.push(...m.triggers);
  e.rules.push(reason.rule);
  let known = candidatesOf.get(e);
  if (!known) candidatesOf.set(e, (known = new Set(e.candidates)));
  for (const c of m.candidates) {
    if (c.verdict.kept && !known.has(c)) {
      known.add(c);
      if (!c.verdict.mergedInto) {
        c.verdict.mergedInto = into;
        c.verdict.mergeRule = reason.rule;
        c.verdict.mergeWhy = reason.why;
      }
      e.candidates.push(c);
    }
  }
}
