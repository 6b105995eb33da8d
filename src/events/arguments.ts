/**
 * The arguments of one event mention: who (actors), where (place), when (date) and who says so
 * (claimant), each attached within the trigger's clause first, then its sentence, with the
 * rule that attached it.
 */
import type { Doc, Token } from '../core/document.js';
import { spanContains, spanIndexAt, type Span } from '../core/span.js';
import { LastEntryCache } from '../core/last-entry-cache.js';
import type { Entity } from '../entities/recognize.js';
import type { EntityKnowledge } from '../entities/knowledge.js';
import type { PlaceResolution } from '../entities/resolve.js';
import { withoutArticle } from '../entities/name-index.js';
import type { TemporalExpression } from '../text/temporal.js';
import { toNormOffset } from '../text/normalize.js';
import { distanceKm } from '../core/geo.js';
import { viewPattern, viewText } from './view-text.js';
import type { CueMatch, TriggerMatch } from './triggers.js';
import { groupBySentence, lowerBound, type CueIndex, type GluedCue } from './doc-index.js';
import { eventActorOf, type EventActor } from './record.js';
import { countedVictims, killedIn } from './toll.js';

/** An actor named in the text: a resolved organisation, a person's organisation, or a framing label. */
export interface ActorMention extends Span {
  actor: EventActor | null;
  /** For a framing label (ميليشيات): resolved later from the event's other actor. */
  label: { text: string; mayReferTo: string[] } | null;
  rule: string;
  /** A leader named after بقيادة: not a party of its own. */
  leader: boolean;
}

export interface PlaceArgument {
  entity: Entity;
  place: PlaceResolution;
  geoPrecision: 1 | 2 | 3;
  rule: string;
}

export interface ActorArguments {
  actor1: ActorMention | null;
  actor2: ActorMention | null;
  assoc1: ActorMention[];
  assoc2: ActorMention[];
  rules: string[];
}

const within = (s: Span, outer: Span) => s.start >= outer.start && s.end <= outer.end;

/** What the arguments of a sentence's triggers are chosen from: its actors, places and dates. */
export interface LocalArguments {
  actors: ActorMention[][];
  places: (Entity & { resolution: PlaceResolution })[][];
  /** The document's places, in text order (a landmark's city may be named in the next sentence), and their starts. */
  allPlaces: (Entity & { resolution: PlaceResolution })[];
  placeStarts: number[];
  temporals: TemporalExpression[][];
  /** The named organisations and people of each sentence, media outlets included, and its country adjectives (claimants). */
  speakers: Entity[][];
}

/** The arguments of every sentence, grouped once per document. */
export function localArguments(doc: Doc, actors: ActorMention[]): LocalArguments {
  const allPlaces = doc.entities.filter(
    (e): e is Entity & { resolution: PlaceResolution } => e.resolution?.kind === 'place',
  );
  const spanOf = (x: Span) => x;
  return {
    actors: groupBySentence(actors, spanOf, doc.sentences),
    places: groupBySentence(allPlaces, spanOf, doc.sentences),
    allPlaces,
    placeStarts: allPlaces.map((p) => p.start),
    temporals: groupBySentence(doc.temporals, spanOf, doc.sentences),
    speakers: groupBySentence(
      doc.entities.filter(
        (e) =>
          e.resolution?.kind === 'actor' ||
          (e.resolution?.kind === 'person' && e.resolution.actor) ||
          countryNamed(e) !== null,
      ),
      spanOf,
      doc.sentences,
    ),
  };
}

/** Who says so: the claimant's words, the rule that found them, and the organisation they speak for. */
export interface Claimant {
  span: Span;
  rule: string;
  /** A named organisation (an outlet included) or a person's organisation inside the claimant's words. */
  actor: { actor: EventActor; span: Span; rule: string } | null;
  /**
   * A state body of a named country (وزارة الصحة الفلسطينية، وكالة الأنباء السورية الرسمية): the
   * country (ISO 3166-1 alpha-2) whose government it speaks for, and the adjective naming it.
   * Resolved to that government at the event's date when the record is built.
   */
  stateBody: { country: string; span: Span } | null;
  /** The claimant tells of its own act (قالت الكتيبة إنها … دمرت): it is the event's agent. */
  speaksOfItself: boolean;
}

/** The country whose government a claimant's words name a body of, by its adjective or name. */
function stateBodyOf(span: Span, cues: readonly CueMatch[], speakers: readonly Entity[]): Claimant['stateBody'] {
  const bodies = cues.filter((c) => c.list === 'state_bodies' && within(c.span, span));
  const official = bodies.some((c) => c.kind === 'official');
  if (!bodies.some((c) => c.kind === 'government' || (c.kind === 'state_media' && official))) return null;
  const adjective = speakers.find((e) => countryNamed(e) !== null && within(e, span));
  const country = adjective ? countryNamed(adjective) : null;
  return adjective && country ? { country, span: { start: adjective.start, end: adjective.end } } : null;
}

/** The country an adjective or a country's name stands for (الفلسطينية، السورية، ليبيا). */
function countryNamed(e: Entity): string | null {
  if (e.demonymOf !== null) return e.demonymOf;
  return e.resolution?.kind === 'place' && e.resolution.feature === 'country' ? e.resolution.country : null;
}

/**
 * The organisation a claimant speaks for: the first organisation named inside its words
 * (المتحدث باسم الجيش الوطني، وكالة الأنباء الليبية), else the organisation of a person named
 * there (the dictionary's affiliation of اللواء أحمد المسماري).
 */
function claimantOrganisation(
  span: Span,
  doc: Doc,
  /** The claimant's sentence. */
  s: number,
  speakers: readonly (readonly Entity[])[],
  cueIndex: CueIndex,
): Claimant['actor'] {
  const inside = (speakers[s] ?? []).filter((e) => within(e, span));
  for (const e of inside)
    if (e.resolution?.kind === 'actor')
      return { actor: eventActorOf(e.resolution), span: e, rule: 'claimant.organisation-named' };
  for (const e of inside)
    if (e.resolution?.kind === 'person' && e.resolution.actor)
      return { actor: eventActorOf(e.resolution.actor), span: e, rule: 'claimant.person-organisation' };
  return inside.length === 0
    ? (organisationNamedBefore(span, doc, s, speakers) ?? unitHeldBefore(span, doc, s, speakers, cueIndex))
    : null;
}

/** Characters between a unit noun and the words that say whose it is (الكتائب التابعة ل). */
const UNIT_HOLDER_REACH = 30;

/**
 * A claimant that opens on a unit noun (الكتيبة) names again the nearest unit of that
 * kind before it (cues.json's unit_nouns: كتيبة and كتائب are one kind). When an organisation
 * holds that unit ("إحدى الكتائب التابعة لوزارة الدفاع"), the claimant speaks for it.
 */
function unitHeldBefore(
  span: Span,
  doc: Doc,
  s: number,
  speakers: readonly (readonly Entity[])[],
  cueIndex: CueIndex,
): Claimant['actor'] {
  const first = doc.tokens[firstTokenEndingAfter(doc.tokens, span.start)];
  const unit = cueIndex
    .inSentence(s)
    .find((c) => c.list === 'unit_nouns' && first && c.span.start >= span.start && c.span.end <= first.end);
  if (!unit) return null;
  for (let k = s; k >= 0 && k >= s - NAMED_AGAIN_SENTENCES; k--) {
    const cues = cueIndex.inSentence(k);
    const earlier = cues.filter((c) => c.list === 'unit_nouns' && c.kind === unit.kind && c.span.end <= span.start);
    const nearest = earlier[earlier.length - 1];
    if (!nearest) continue;
    const held = cues.find(
      (c) =>
        c.list === 'agent_markers' &&
        c.kind === 'affiliation' &&
        c.span.start >= nearest.span.end &&
        c.span.start - nearest.span.end <= UNIT_HOLDER_REACH,
    );
    const holder =
      held &&
      (speakers[k] ?? []).find(
        (e) => e.resolution?.kind === 'actor' && e.start >= held.span.end && e.start - held.span.end <= 2,
      );
    return holder && holder.resolution?.kind === 'actor'
      ? { actor: eventActorOf(holder.resolution), span: holder, rule: 'claimant.unit-of-organisation' }
      : null;
  }
  return null;
}

/** "قالت الكتيبة إنها …": the complement's subject is the claimant itself. */
const OWN_ACT_AFTER = viewPattern(/^[\s،,:"«]*(\S+\s+){0,2}(أن|إن|بأن|ان|بان)(ها|ه|هم|هما)(\s|$)/);
/** Words that make the speaker the victim or the defender of what it tells (تعرضت لهجوم، صدت هجوما). */
const SUFFERED = viewPattern(/(تعرض|أصيب|اصيب|فقد|سقط|نجا|نجت|صد|صدت|أحبط|احبط|أفشل|افشل)/);

/** Whether the claimant tells of its own act: its verb's complement opens on "أنها" and no word makes it the one hit. */
function speaksOfItself(claimant: Span, trigger: Span, doc: Doc): boolean {
  if (claimant.end > trigger.start) return false;
  const between = viewText(doc, claimant.end, trigger.start);
  return OWN_ACT_AFTER.test(between) && !SUFFERED.test(between);
}

/**
 * How far back a claimant that names an organisation again (الحركة) looks for it: sentences,
 * and named things in all (so that a long text costs no more per claimant).
 */
const NAMED_AGAIN_SENTENCES = 5;
const NAMED_AGAIN_NAMES = 30;

/**
 * A claimant that is one definite noun (الحركة، الوكالة) names again the nearest organisation
 * before it whose name starts with that noun (حركة طالبان باكستان، وكالة الأنباء الإماراتية).
 */
function organisationNamedBefore(
  span: Span,
  doc: Doc,
  s: number,
  speakers: readonly (readonly Entity[])[],
): Claimant['actor'] {
  const head = doc.tokens[firstTokenEndingAfter(doc.tokens, span.start)];
  if (!head || head.kind !== 'word' || head.end !== span.end || !head.proclitics.includes('ال')) return null;
  let looked = 0;
  for (let k = s; k >= 0 && k >= s - NAMED_AGAIN_SENTENCES; k--) {
    const named = speakers[k] ?? [];
    for (let j = named.length - 1; j >= 0; j--) {
      if (++looked > NAMED_AGAIN_NAMES) return null;
      const e = named[j];
      if (e.end > span.start || e.resolution?.kind !== 'actor') continue;
      const first = doc.tokens[firstTokenEndingAfter(doc.tokens, e.start)];
      if (first && withoutArticle(first.stem) === head.stem)
        return { actor: eventActorOf(e.resolution), span: e, rule: 'claimant.organisation-named-before' };
    }
  }
  return null;
}

/** Kinds of actor that report, count or mediate events and are never their parties. */
const NO_PARTY_KINDS: ReadonlySet<string> = new Set(['media', 'international_org']);

/** The ending of a singular nisba adjective, normalised (الارهابي، الارهابيه، الانقلابيه). */
const SINGULAR_NISBA = /(ي|يه)$/;

/** Actors of the article: resolved entities, people's organisations, and framing labels. */
export function actorMentions(doc: Doc, knowledge: EntityKnowledge, cues: CueIndex): ActorMention[] {
  const mentions: ActorMention[] = [];
  for (const e of doc.entities) {
    const r = e.resolution;
    const isLeader = cues.before('agent_markers', ['leader'], e.start, 20) !== null;
    // News agencies report events, and international bodies (the UN, its Security Council and
    // envoys, the Arab League) speak, count and mediate: they are not parties to them. The forces
    // of such bodies (international_force: MINUSMA, AMISOM, NATO) are.
    const entry = r?.kind === 'actor' ? knowledge.actors.byId.get(r.id) : undefined;
    if (entry?.type === 'actor' && NO_PARTY_KINDS.has(entry.kind)) continue;
    if (r?.kind === 'actor') {
      mentions.push({
        start: e.start,
        end: e.end,
        actor: eventActorOf(r),
        label: null,
        rule: 'actor.entity',
        leader: isLeader,
      });
    } else if (r?.kind === 'person' && r.actor) {
      const a = r.actor;
      const organisation = knowledge.actors.byId.get(a.id);
      if (organisation?.type === 'actor' && NO_PARTY_KINDS.has(organisation.kind)) continue;
      mentions.push({
        start: e.start,
        end: e.end,
        actor: eventActorOf(a),
        label: null,
        rule: 'actor.person-organisation',
        leader: isLeader,
      });
    }
  }
  // "مسلحون من حركة الشباب": unidentified gunmen of a named group are that group.
  const categoryOf = (m: ActorMention) => {
    const entry = m.actor ? knowledge.actors.byId.get(m.actor.id) : undefined;
    return entry?.type === 'actor' ? entry.kind : null;
  };
  const membersOfNext = (m: ActorMention, i: number) => {
    const next = mentions[i + 1];
    const kind = next ? categoryOf(next) : null;
    return (
      categoryOf(m) === 'unidentified' &&
      kind !== null &&
      !CATEGORY_KINDS.has(kind) &&
      MEMBERS_OF.test(viewText(doc, m.end, next.start))
    );
  };
  mentions.sort((a, b) => a.start - b.start);
  const named = mentions.filter((m, i) => !membersOfNext(m, i));
  // Whether a named actor covers a token: the furthest end of the actors that start at or
  // before it, found by a binary search (names are in text order; labels are single tokens and
  // never cover another token).
  const starts = named.map((m) => m.start);
  const furthestEnd: number[] = [];
  for (const m of named) furthestEnd.push(Math.max(furthestEnd[furthestEnd.length - 1] ?? -1, m.end));
  const covered = (t: Span) => {
    const last = lowerBound(starts, t.start + 1) - 1;
    return last >= 0 && furthestEnd[last] >= t.end;
  };
  // "حركة الشباب الإرهابية"، "تنظيم داعش الإرهابي": a definite singular label (a nisba: ـي، ـية)
  // right after a name is that name's adjective, not another actor. A plural there is an object
  // (هاجم الجيش اليمني المتمردين).
  const namedEnds = new Set(named.map((m) => m.end));
  const describesName = (t: Token) => {
    if (!SINGULAR_NISBA.test(t.norm)) return false;
    const definite = t.proclitics.length === 0 ? t.stem.startsWith('ال') : t.proclitics.join('') === 'ال';
    let k = t.start;
    while (k > 0 && doc.article.text[k - 1] === ' ') k--;
    return definite && k < t.start && namedEnds.has(k);
  };
  const labels: ActorMention[] = [];
  for (const t of doc.tokens) {
    if (t.kind !== 'word') continue;
    const label = knowledge.framingLabels.get(withoutArticle(t.stem));
    if (!label || covered(t) || describesName(t)) continue;
    labels.push({ start: t.stemStart, end: t.end, actor: null, label, rule: 'actor.framing-label', leader: false });
  }
  return [...named, ...labels].sort((a, b) => a.start - b.start);
}

/** How far after بين … و (or a side's من جهة) the words of a side may reach. */
const SIDE_REACH = 80;
/** What follows the second side's من جهة (أخرى، ثانية). */
const OTHER_SIDE = viewPattern(/^\s*(ال)?(أخرى|ثانية)/);

/**
 * The two sides of "بين X … من جهة، وY من جهة أخرى": the first actor after بين and before the
 * first من جهة, and the first after it. Null unless both are named.
 */
function bothSides(
  doc: Doc,
  cues: readonly CueMatch[],
  sentence: Span,
  trigger: TriggerMatch,
  actors: readonly ActorMention[],
): [ActorMention, ActorMention] | null {
  const ends = cues.filter(
    (c) =>
      c.list === 'agent_markers' &&
      c.kind === 'side_end' &&
      within(c.span, sentence) &&
      c.span.start >= trigger.span.start - 5,
  );
  // The first side's من جهة stands alone; the second's is "من جهة أخرى". A lone "ومن جهة أخرى"
  // opens another matter, not a second side.
  const first = ends.find((c) => !OTHER_SIDE.test(viewText(doc, c.span.end, c.span.end + 12)));
  const last =
    first &&
    ends.find((c) => c.span.start > first.span.end && OTHER_SIDE.test(viewText(doc, c.span.end, c.span.end + 12)));
  if (!first || !last) return null;
  const tokens = doc.tokens;
  let opening: Span | null = null;
  for (let i = spanIndexAt(tokens, first.span.start) - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.start < Math.max(sentence.start, first.span.start - SIDE_REACH)) break;
    if (t.kind === 'word' && t.stem === 'بين') {
      opening = t;
      break;
    }
  }
  if (!opening) return null;
  const from = opening.end;
  const one = actors.find((m) => m.start >= from && m.end <= first.span.start);
  const other = actors.find((m) => m.start >= first.span.end && m.end <= last.span.start);
  return one && other ? [one, other] : null;
}

/**
 * Who did it and to whom. "بين X و Y" gives both sides; برصاص/من قبل/على يد X gives the agent;
 * استهدف/ضد X the target; بمساندة/المتحالف مع X an associate; otherwise the actor before the
 * trigger in its clause (then sentence) is the agent, and one after it the other party.
 */
export function attachActors(
  doc: Doc,
  trigger: TriggerMatch,
  clause: Span,
  sentence: Span,
  /** The actors of the trigger's sentence (see LocalArguments). */
  mentions: readonly ActorMention[],
  cueIndex: CueIndex,
  /** "تم ضبط": only an explicit agent marker names the agent. */
  passive: boolean,
  /** The sentence's index. */
  s: number,
): ActorArguments {
  const rules: string[] = [];
  const cues = cueIndex.inSentence(s);
  // Who condemns or welcomes an event (أدانت الأمم المتحدة الهجوم) is no party to it.
  const reacts = (m: ActorMention) => cueIndex.before('reaction', null, m.start, REACTION_GAP) !== null;
  // Nor is what a crowd or a party is against (احتجاجات مناهضة للحكومة، حزب مناهض لطالبان).
  const opposed = (m: ActorMention) => cueIndex.before('opposed_to', null, m.start, REACTION_GAP) !== null;
  // Nor is a body whose building the place is near (قرب مقر الاستخبارات، بمحيط السفارة الأمريكية).
  const landmark = (m: ActorMention) => {
    const before = viewText(doc, Math.max(sentence.start, m.start - LANDMARK_REACH), m.start);
    return NEAR_LANDMARK.test(before) || (NEAR_WORD.test(before) && BUILDING_NAME.test(viewText(doc, m.start, m.end)));
  };
  const inSentence = mentions.filter(
    (m) => within(m, sentence) && !m.leader && !reacts(m) && !opposed(m) && !landmark(m),
  );
  const inClause = inSentence.filter((m) => within(m, clause));
  const markerOf = (m: ActorMention) => {
    const agent = cueIndex.before('agent_markers', ['agent', 'associated', 'affiliation', 'sides'], m.start, 12);
    if (agent) return agent;
    // A target may sit two words after its verb: استهدفت مواقع تمركز الميليشيات. Not when the verb
    // is the trigger's own (استهدف الطيران …): what follows it is its subject.
    const target = cueIndex.before('target_markers', ['target', 'against'], m.start, 24);
    return target && !(target.span.start >= trigger.fullSpan.start && target.span.end <= trigger.fullSpan.end)
      ? target
      : null;
  };
  const associates = associatesOf(doc);
  const isAssociateHere = (m: ActorMention) => {
    let found = associates.get(m);
    if (found === undefined) associates.set(m, (found = isAssociate(m, cueIndex, inSentence)));
    return found;
  };
  let actor1: ActorMention | null = null;
  let actor2: ActorMention | null = null;
  const assoc1: ActorMention[] = [];
  const assoc2: ActorMention[] = [];

  const pool = inClause.length ? inClause : inSentence;
  // برصاص/من قبل X names the party that did a violent act wherever it stands in the sentence
  // (حيث سقط … برصاص عناصر X); other markers work within the clause.
  const violent = trigger.event_type !== 'Strategic developments';
  for (const m of violent ? inSentence : pool) {
    const marker = markerOf(m);
    if (!marker) continue;
    if (marker.kind === 'agent' && !actor1 && (violent ? m.start > trigger.span.start || within(m, clause) : true)) {
      actor1 = m;
      rules.push('actor1.agent-marker');
    } else if (
      (marker.kind === 'target' || marker.kind === 'against') &&
      !actor2 &&
      m.start > trigger.span.start - 80
    ) {
      actor2 = m;
      rules.push('actor2.target-marker');
    }
  }
  // Fire that "came from positions held by X" is X's, however far the name stands from the
  // trigger (أطلقت القذائف من مواقع يسيطر عليها مسلحو الجماعة).
  if (violent && trigger.event_type !== 'Protests') {
    const fired = inSentence.find((m) => {
      const origin = m === actor2 ? null : cueIndex.before('fire_origins', null, m.start, ORIGIN_REACH);
      return origin !== null && !countedFrom(doc, origin.span.start);
    });
    if (fired && !actor1) {
      actor1 = fired;
      rules.push('actor1.fire-origin');
    }
  }
  const sides = cues.find(
    (c) =>
      c.list === 'agent_markers' &&
      c.kind === 'sides' &&
      within(c.span, sentence) &&
      c.span.start >= trigger.span.start - 5,
  );
  // "بين الجيش، مسنوداً بالتحالف، من جهة، والحوثيين من جهة أخرى": each side ends at its من جهة,
  // and the second, often in a clause of its own, starts after the first's.
  const sidesEnded = bothSides(doc, cues, sentence, trigger, inSentence);
  if (sidesEnded) {
    [actor1, actor2] = sidesEnded;
    rules.push('actors.between-sides');
  } else if (sides) {
    const between = pool.filter((m) => m.start >= sides.span.start && m.end <= sides.span.end + SIDE_REACH);
    if (between.length >= 2) {
      [actor1, actor2] = [between[0], between[1]];
      rules.push('actors.between');
    }
  }
  // The genitive after a verbal noun of taking territory (or withdrawing, mobilising) is its
  // agent: استعادة الجيش لمطار طرابلس، انسحاب مجموعات مسلحة.
  if (!actor1 && (trigger.territory || trigger.event_type === 'Strategic developments') && trigger.pos !== 'verb') {
    const genitive = inClause.find((m) => m.start >= trigger.span.end && m.start - trigger.span.end <= 4);
    if (genitive) {
      actor1 = genitive;
      rules.push('actor1.verbal-noun-genitive');
    }
  }
  // "غارة لطيران التحالف": ل glued to a name after an attack noun marks its author, and so does a
  // relative clause whose verb takes the noun back (هجوم نفذته حركة الشباب، كمين شنه مسلحو الحركة).
  if (!actor1 && !passive) {
    const noun = cues.find((c) => c.list === 'author_nouns' && within(c.span, trigger.fullSpan));
    const author =
      noun &&
      inClause.find(
        (m) =>
          m.start >= trigger.fullSpan.end &&
          m !== actor2 &&
          AUTHOR_OF_NOUN.some((p) => p.test(viewText(doc, trigger.fullSpan.end, m.start))),
      );
    if (author) {
      actor1 = author;
      rules.push('actor1.author-of-attack-noun');
    }
  }
  // "تعرضت مواقع الحزب لقصف الحرس الثوري" (or "لقصف مدفعي من قوات …"): the name right after an
  // attack suffered, or after its من, is its author, and what suffered it, named before, its target.
  if (
    !actor1 &&
    !passive &&
    trigger.pos !== 'verb' &&
    SUFFERED_ATTACK.test(viewText(doc, sentence.start, trigger.span.start))
  ) {
    const author = inClause.find(
      (m) =>
        m.start >= trigger.span.end &&
        m !== actor2 &&
        !isAssociateHere(m) &&
        AUTHOR_OF_SUFFERED.test(viewText(doc, trigger.span.end, m.start)),
    );
    if (author) {
      actor1 = author;
      rules.push('actor1.author-of-attack-suffered');
      const target = inSentence
        .filter((m) => m.end <= trigger.span.start && !isAssociateHere(m) && !sameActor(m, author))
        .pop();
      if (!actor2 && target) {
        actor2 = target;
        rules.push('actor2.suffered-attack');
      }
    }
  }
  // Whoever the clause names takes the territory (or mobilises, withdraws): the place is the
  // object, not a party.
  if (!actor1 && !passive && (trigger.territory || trigger.event_type === 'Strategic developments')) {
    // "قال مسؤول بالشرطة إن مسلحي الحركة سيطروا": a subject after إن or أن is who took it; the
    // speaker before it only when the reported clause names nobody (إن قواتنا تقدمت).
    const reported = thatClauseStart(doc, clause.start, trigger.span.start);
    const subjects =
      reported === null
        ? []
        : inClause.filter(
            (m) => m.start >= reported && m.end <= trigger.span.start && !isAssociateHere(m) && m !== actor2,
          );
    const taker = subjects.at(-1) ?? inClause.find((m) => !isAssociateHere(m) && m !== actor2);
    if (taker) {
      actor1 = taker;
      rules.push('actor1.territory-clause');
    }
  }
  // "قالت الحركة إنها قتلت 12 من رجال الشرطة بكمين": a name counted as a casualty word's victims was
  // hit; the subject before it struck.
  const victims = (m: ActorMention) =>
    countedVictims(doc, m, (at) => cueIndex.before('casualty', ['killed', 'injured'], at, VICTIM_COUNT_GAP) !== null);
  // "زعيم الحركة، فلان، قتل في غارة": the subject of a killing told right before the attack word
  // died in it; it is the target, never the striker. Not in a crowd's event: protesters killed in
  // a riot still rioted.
  const killedHere = new Set(
    violent && trigger.event_type !== 'Protests' && trigger.event_type !== 'Riots'
      ? inSentence.filter((m) => killedIn(doc, m, trigger.fullSpan.start, cues))
      : [],
  );
  if (!actor1 && !passive) {
    const killed = pool.filter((m) => m.end <= trigger.span.start && m !== actor2 && killedHere.has(m));
    if (killed.length && !actor2) {
      actor2 = killed[killed.length - 1];
      rules.push('actor2.killed-in-attack');
    }
    const candidates = pool.filter(
      (m) => m.end <= trigger.span.start && !isAssociateHere(m) && m !== actor2 && !killed.includes(m),
    );
    const strikers = candidates.filter((m) => !victims(m));
    const before = strikers.length ? strikers : candidates;
    if (strikers.length && strikers.length < candidates.length && !actor2) {
      actor2 = candidates.find((m) => victims(m)) ?? null;
      if (actor2) rules.push('actor2.counted-victims');
    }
    const after = pool.filter((m) => m.start >= trigger.span.end && !isAssociateHere(m) && m !== actor2);
    // A gapped phrase holds its subject (أطلق مسلحون مجهولون النار على …), and a phrase that ends
    // inside a name starts it (استهدف الطيران الإسرائيلي …).
    const inside = pool.find((m) => m.start >= trigger.span.start && m.start < trigger.span.end && m !== actor2);
    // A verb (or a trigger word opening its clause, as a verb does: "خطف مسلحون …") takes the
    // actor right after it as its subject.
    const opensClause = /^[\s,;:"]*$/.test(viewText(doc, clause.start, trigger.fullSpan.start));
    const isVerb = trigger.pos === 'verb' || trigger.tense !== null || opensClause;
    // "عثرت الشرطة على جثث مهندسين اختطفهم مسلحون": a verb that carries its object as a pronoun
    // has its subject right after it, whoever the clause named before.
    const subjectAfterObject =
      trigger.tense !== null &&
      carriesObjectPronoun(doc, trigger) &&
      after.length &&
      after[0].start - trigger.span.end <= 2
        ? after[0]
        : null;
    // "صد الجيش هجوما"، "تصدت القوات لهجوم": who repelled the attack was its target.
    const repelled =
      trigger.pos !== 'verb' &&
      REPELLABLE.has(trigger.event_type) &&
      before.length > 0 &&
      !actor2 &&
      (cueIndex.before('repelled', null, trigger.fullSpan.start, REPELLED_REACH)?.span.start ?? -1) >= clause.start;
    if (inside) {
      actor1 = inside;
      rules.push('actor1.inside-phrase');
    } else if (repelled) {
      actor2 = before[before.length - 1];
      rules.push('actor2.repelled-it');
    } else if (subjectAfterObject) {
      actor1 = subjectAfterObject;
      rules.push('actor1.subject-after-object-pronoun');
    } else if (before.length) {
      actor1 = before[before.length - 1];
      rules.push(pool === inClause ? 'actor1.subject-in-clause' : 'actor1.subject-in-sentence');
    } else if (
      isVerb &&
      after.length &&
      after[0].start - trigger.span.end < 30 &&
      !HELD_PLACE_BEFORE.test(viewText(doc, Math.max(trigger.span.end, after[0].start - 16), after[0].start))
    ) {
      actor1 = after[0];
      rules.push('actor1.after-verb');
    } else {
      const earlier = inSentence.filter(
        (m) => m.end <= trigger.span.start && !isAssociateHere(m) && !killedHere.has(m),
      );
      if (earlier.length) {
        actor1 = earlier[earlier.length - 1];
        rules.push('actor1.subject-in-sentence');
      }
    }
  }
  // "متشددون قتلوا في مواجهة مع قوة أمنية": who the dead fought is named after the attack word.
  if (!actor1 && rules.includes('actor2.killed-in-attack')) {
    const other = inClause.find(
      (m) => m.start >= trigger.span.end && m !== actor2 && !isAssociateHere(m) && !sameActor(m, actor2),
    );
    if (other) {
      actor1 = other;
      rules.push('actor1.fought-the-killed');
    }
  }
  // With the agent named by a marker, the subject of the clause is the other party (the victims
  // of "سقط خمسة قتلى من قواتها برصاص X"), as with the author glued to an attack noun (the group
  // of the leader killed in "قتل قيادي في الجماعة في غارة للتحالف").
  if (actor1 && !actor2 && (rules.includes('actor1.agent-marker') || rules.includes('actor1.author-of-attack-noun'))) {
    const subject = pool
      .filter((m) => m.end <= trigger.span.start && !isAssociateHere(m) && !sameActor(m, actor1))
      .pop();
    if (subject) {
      actor2 = subject;
      rules.push('actor2.subject-against-agent');
    }
  }
  if (!actor2) {
    const other = inClause.find(
      (m) => m.start >= trigger.span.end && m !== actor1 && !isAssociateHere(m) && !sameActor(m, actor1),
    );
    if (other) {
      actor2 = other;
      rules.push('actor2.after-trigger');
    }
  }
  for (const m of inSentence) {
    if (m === actor1 || m === actor2 || !isAssociateHere(m)) continue;
    // "بمساندة/بدعم X" supports the action, so its agent; "المتحالف مع/الموالية ل X" qualifies
    // the party named just before it.
    const marker = cueIndex.before('agent_markers', ['associated', 'affiliation'], m.start, 12)!;
    const supportsAction = /^(و?ب)/.test(
      doc.view.norm.slice(toNormOffset(doc.view, marker.span.start), toNormOffset(doc.view, marker.span.end)),
    );
    const qualified = supportsAction
      ? actor1
      : [actor1, actor2].filter((a): a is ActorMention => !!a && a.end <= m.start).sort((a, b) => b.end - a.end)[0];
    if (actor2 && qualified === actor2) assoc2.push(m);
    else assoc1.push(m);
    rules.push(supportsAction ? 'assoc.supports-action' : 'assoc.qualifies-party');
  }
  return { actor1, actor2, assoc1, assoc2, rules };
}

/**
 * "قصفت طائرات التحالف مواقع المتمردين"، "مواقع تابعة للمتمردين": a name right after the places a
 * group holds (its positions, headquarters, gatherings, vehicles) is whose they are, the verb's
 * object, never its subject.
 */
const HELD_PLACE_BEFORE = viewPattern(
  /(^|\s)[وب]?(ال)?(مواقع|موقع|مقر|مقرات|معاقل|معقل|تجمعات|تجمع|ثكنة|ثكنات|نقاط|نقطة|تحصينات|مخازن|آليات|مراكز|مركز|تعزيزات)\s+((تابعة|التابعة|تابع|التابع)\s+)?(ل|لل|ال)?$/,
);
/** Before an attack noun that something suffered: "تعرضت مواقعه لـ"، "تتعرض القوات لـ" (up to two words between). */
const SUFFERED_ATTACK = viewPattern(/(^|\s)[وف]?[تي]?(تعرض|تعرضت|تعرضوا)(\s+\S+){0,2}\s+ل$/);
/** Between that attack noun and its author: nothing, or one adjective at most and من (لقصف مدفعي من). */
const AUTHOR_OF_SUFFERED = viewPattern(/^(\s?|\s+(\S+\s+)?من\s+)$/);

/** What may follow a verb's stem when it carries its object as a pronoun: اختطفهم، قتلته، استهدفوها. */
const OBJECT_PRONOUN_TAIL = /^(ت|تا|وا|ن|ا)?(ه|ها|هم|هما|هن)$/;

/** Whether a verb trigger's word carries its object as a pronoun after the stem the lexicon matched. */
function carriesObjectPronoun(doc: Doc, trigger: TriggerMatch): boolean {
  const word = viewText(doc, trigger.span.start, trigger.span.end);
  const at = word.lastIndexOf(trigger.form);
  return at >= 0 && OBJECT_PRONOUN_TAIL.test(word.slice(at + trigger.form.length));
}

/** Between unidentified gunmen and the group they belong to: "مسلحون من حركة الشباب". */
const MEMBERS_OF = viewPattern(/^\s*من\s*$/);
/** Actor kinds that name a category of people, not a group or an organisation (packs/world/actors.json). */
export const CATEGORY_KINDS: ReadonlySet<string> = new Set(['civilians', 'protesters', 'rioters', 'unidentified']);

/** Between an attack noun and its author: one adjective at most (جوية), then ل or لل glued to the name. */
const AUTHOR_AFTER = viewPattern(/^\s+(\S+\s+)?لل?$/);
/** The craft or guns an attack is told by before the name that owns them (طائرات التحالف، مدفعية الجيش). */
const CRAFT = '(طائرات|طائرة|طيران|مقاتلات|مروحيات|مدفعية|راجمات|بوارج)';
/** "هجوم (انتحاري) (الذي) نفذته X"، "كمين شنه X"، "غارات شنتها طائرات X": a verb that takes the attack noun back by its pronoun. */
const AUTHOR_RELATIVE = viewPattern(
  new RegExp(
    `^\\s+(\\S+\\s+)?((الذي|التي)\\s+)?(نفذ|نفذت|نفذوا|شن|شنت|شنوا|تبنى|تبنت|تبنوا)(ه|ها|وه|وها)\\s+(${CRAFT}\\s+)?$`,
  ),
);
/** "غارات لطائرات التحالف"، "قصف لمدفعية الجيش": ل glued to the craft or guns of the name after them. */
const AUTHOR_CRAFT = viewPattern(new RegExp(`^\\s+(\\S+\\s+)?لل?${CRAFT}\\s+$`));
const AUTHOR_OF_NOUN = [AUTHOR_AFTER, AUTHOR_RELATIVE, AUTHOR_CRAFT];
/** Characters between a casualty word and the number of its victims (قتلت 30، مقتل أكثر من 30). */
const VICTIM_COUNT_GAP = 12;

/** Characters between "من مواقع تحتلها" and the name of who holds them (مسلحون تابعون ل …). */
const ORIGIN_REACH = 30;

/**
 * Whether the "من" opening a cue at `start` is a count's (عدد من مواقع، عشرات من المواقع): the
 * positions counted were hit, no fire came from them.
 */
function countedFrom(doc: Doc, start: number): boolean {
  return doc.numbers.some((n) => n.start < start && n.end >= start - 1);
}

/** What can be repelled: an attack, not a protest dispersed (تصدت لهم الشرطة بالغاز المسيل للدموع). */
const REPELLABLE: ReadonlySet<string> = new Set([
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
]);
/**
 * Characters between a repelling verb and the attack noun, in its clause: its subject or a time
 * may stand between (تصدت قوات الجيش الوطني لهجوم، صد ليلة الأحد هجوما).
 */
const REPELLED_REACH = 40;
/**
 * Words of nearness and a building's noun (perhaps after another building and و) right before a
 * name: the place is near that body's building (انفجار قرب مقر أجهزة الاستخبارات، بالقرب من مقرات
 * حكومية والسفارة الأمريكية); the body names the place, it is no party. Not أمام: a bomb in front
 * of a headquarters was set against it. Near the body itself (قرب قوات الأمن) it may well be.
 */
const NEARNESS = '(^|\\s)(و?قرب|بالقرب\\s+من|مقربة\\s+من|بمحيط|محيط|بجوار)\\s+';
const NEAR_LANDMARK = viewPattern(
  new RegExp(`${NEARNESS}((ال)?(مقر|مقرات|مبنى|مباني|أجهزة|مكتب|مكاتب|سفارة)\\s+((\\S+\\s+)?و)?)+$`),
);
/** Words of nearness right before a name that is itself a building's (بمحيط السفارة الأمريكية). */
const NEAR_WORD = viewPattern(new RegExp(`${NEARNESS}$`));
const BUILDING_NAME = viewPattern(/^(ال)?(مقر|مبنى|سفارة)/);
/** Characters before a name that NEAR_LANDMARK reads. */
const LANDMARK_REACH = 48;
/** Characters between a reaction verb and its subject, or an adjective of being against and its object (a space, perhaps a conjunction). */
const REACTION_GAP = 3;

/**
 * Whether an actor is an ally depends on its sentence alone, the same for every trigger of it:
 * asked once per actor mention, kept for the last document only (see LastEntryCache).
 */
const associatesOfDoc = new LastEntryCache<Doc, Map<ActorMention, boolean>>();

function associatesOf(doc: Doc): Map<ActorMention, boolean> {
  let found = associatesOfDoc.get(doc);
  if (!found) associatesOfDoc.set(doc, (found = new Map<ActorMention, boolean>()));
  return found;
}

/**
 * An actor after "بمساندة/المتحالف مع/التابع ل" is an ally. But "الطيران التابع للجيش" names the
 * army's own aircraft: when no actor stands before "التابع ل", the actor after it is the party.
 */
function isAssociate(m: ActorMention, cues: CueIndex, mentions: readonly ActorMention[]): boolean {
  const cue = cues.before('agent_markers', ['associated', 'affiliation'], m.start, 12);
  if (!cue) return false;
  if (cue.kind !== 'affiliation' || mentions.length === 0) return true;
  return mentions.some((o) => o !== m && o.end <= cue.span.start && cue.span.start - o.end <= 3);
}

function sameActor(a: ActorMention | null, b: ActorMention | null): boolean {
  return !!a && !!b && !!a.actor && !!b.actor && a.actor.id === b.actor.id;
}

/**
 * The place of a mention: for a territory trigger, every place it takes (السيطرة على ورشفانة
 * والعزيزية); otherwise the place governed by a location word after the trigger, then any place
 * of the clause, then of the sentence. Destinations (باتجاه، نحو) count only for advances and
 * reinforcements.
 */
export function attachPlaces(
  trigger: TriggerMatch,
  clause: Span,
  sentence: Span,
  doc: Doc,
  cues: CueIndex,
  local: LocalArguments,
  /** The sentence's index. */
  s: number,
): PlaceArgument[] {
  // The places of the trigger's sentence: every choice below is within it (the clause is too).
  const places = local.places[s];
  const governing = (e: Entity) => governingCue(e, doc, cues);
  const toArgument = (e: Entity & { resolution: PlaceResolution }, rule: string): PlaceArgument => {
    const cue = governing(e);
    const cuePrecision = cue?.geo_precision ?? 1;
    const precision = cuePrecision > e.resolution.geo_precision ? cuePrecision : e.resolution.geo_precision;
    return { entity: e, place: e.resolution, geoPrecision: precision, rule: cue ? `${rule}+${cue.kind}` : rule };
  };
  const allowsDestination = trigger.weak || trigger.sub_event_type === 'Other';
  const countryAsPlace = (e: Entity & { resolution: PlaceResolution }) => namedAsPlace(e, doc, cues);
  const usable = (e: Entity & { resolution: PlaceResolution }) =>
    (allowsDestination || !governing(e)?.direction) &&
    !isOrigin(e, doc) &&
    !namedAsReference(e, cues) &&
    (e.resolution.feature !== 'country' || countryAsPlace(e));

  // A landmark, a village or a quarter (حي دمشق) named with its city, but resolved to a namesake
  // far from it, gives way to the city; a town does only to a city named as the one it lies in
  // ("منطقة المنشية وسط مدينة سبها" is Sabha's quarter, not a village abroad).
  const withCity = (e: Entity & { resolution: PlaceResolution }, rule: string): PlaceArgument[] => {
    const city = cityAfter(e, local.allPlaces, local.placeStarts, doc);
    const far = city && distanceKm(city.resolution.lat, city.resolution.lon, e.resolution.lat, e.resolution.lon) > 30;
    // A base or a port of the city's own province is no namesake ("مطار تيفور شرق حمص" lies 80 km
    // out); a village may be: hundreds share a name, several in one province.
    const ofItsProvince =
      !SETTLEMENT_FEATURES.test(e.resolution.feature) &&
      city?.resolution.admin1 != null &&
      city.resolution.admin1 === e.resolution.admin1;
    if (!far || ofItsProvince) return [toArgument(e, rule)];
    const town = TOWN_FEATURES.test(e.resolution.feature) && !QUARTER_BEFORE.test(viewText(doc, e.start - 8, e.start));
    const namedItsCity = CITY_NAMED_AS_ITS.test(viewText(doc, e.end, city.start));
    return [town && !namedItsCity ? toArgument(e, rule) : toArgument(city, 'place.city-of-named-landmark')];
  };
  if (trigger.territory) {
    // The place taken is the trigger's object: right after it, or after على (السيطرة على X).
    const after = places.filter((e) => within(e, clause) && e.start >= trigger.span.end);
    if (after.length === 0 || after[0].start - trigger.span.end > TERRITORY_OBJECT_GAP) return [];
    const taken = [after[0]];
    for (const next of after.slice(1)) {
      const gap = viewText(doc, taken[taken.length - 1].end, next.start);
      if (/^[\s"'()]*و?[\s"'()]*$/.test(gap)) taken.push(next);
      else break;
    }
    // Two villages of one city ("المنظر والدوار جنوب الحديدة") are one place taken.
    const byPlace = new Map(taken.flatMap((e) => withCity(e, 'place.territory-object')).map((a) => [a.place.id, a]));
    return [...byPlace.values()];
  }
  // A country counts only when the sentence names none of its towns ("في ليبيا … مدينة سبها");
  // a town of another country does not hide it ("شمال شرق مالي" beside واغادوغو).
  const finer = places.filter((e) => within(e, sentence) && usable(e) && e.resolution.feature !== 'country');
  const notHiddenByItsTown = (e: Entity & { resolution: PlaceResolution }) =>
    e.resolution.feature !== 'country' || !finer.some((f) => f.resolution.country === e.resolution.country);
  const inClause = places.filter((e) => within(e, clause) && usable(e) && notHiddenByItsTown(e));
  // One event per place (events.md): the places listed with the chosen one are the trigger's too
  // ("شهدت مدن السلط (33 كم شمال غرب عمان) واربد … ومعان احتجاجات").
  const withListed = (chosen: PlaceArgument[]): PlaceArgument[] => {
    if (chosen.length !== 1) return chosen;
    const towns = inClause.filter((e) => e.resolution.feature !== 'country');
    const head = towns.find((e) => e === chosen[0].entity);
    const listed = head ? listedWith(head, towns, doc) : [];
    if (listed.length < 2) return chosen;
    const byPlace = new Map<string, PlaceArgument>([[chosen[0].place.id, chosen[0]]]);
    for (const e of listed)
      for (const a of withCity(e, 'place.listed')) if (!byPlace.has(a.place.id)) byPlace.set(a.place.id, a);
    return [...byPlace.values()];
  };
  return withListed(chooseOne());

  function chooseOne(): PlaceArgument[] {
    const governedAfter = inClause.find((e) => e.start >= trigger.span.end && governing(e));
    if (governedAfter) {
      // "بمدينة خان شيخون في محافظة إدلب": the town just before its province is the finer place.
      const town = inClause.find((e) => e.end <= governedAfter.start && e.start >= trigger.span.end);
      // "بلدة سراقب في إدلب": a city named after a town of its own province stands for the
      // province (إدلب is the city and the province), as a province does.
      const areaOfTown = (
        area: Entity & { resolution: PlaceResolution },
        t: Entity & { resolution: PlaceResolution },
      ) =>
        COARSE_FEATURES.test(area.resolution.feature) ||
        (TOWN_FEATURES.test(area.resolution.feature) &&
          area.resolution.admin1 != null &&
          area.resolution.admin1 === t.resolution.admin1 &&
          area.resolution.id !== t.resolution.id);
      const inArea =
        town &&
        areaOfTown(governedAfter, town) &&
        !COARSE_FEATURES.test(town.resolution.feature) &&
        town.resolution.country === governedAfter.resolution.country &&
        IN_ITS_AREA.test(viewText(doc, town.end, governedAfter.start));
      return inArea ? withCity(town, 'place.town-in-its-area') : withCity(governedAfter, 'place.governed-in-clause');
    }
    const afterInClause = inClause.find((e) => e.start >= trigger.span.end);
    if (afterInClause) return withCity(afterInClause, 'place.in-clause');
    if (inClause.length) return withCity(inClause[inClause.length - 1], 'place.in-clause');
    const inSentence = places.filter((e) => within(e, sentence) && usable(e) && notHiddenByItsTown(e));
    const nearest = inSentence.sort(
      (a, b) => Math.abs(a.start - trigger.span.start) - Math.abs(b.start - trigger.span.start),
    )[0];
    return nearest ? withCity(nearest, 'place.in-sentence') : [];
  }
}

/**
 * The places coordinated with `e` in a list (X وY، X، Y، or a parenthesis between: "السلط (33 كم
 * شمال غرب عمان) واربد"), in order, `e` included; a place the parenthesis names is no member.
 * A list after بين is a front line between two places, not one event in each.
 */
function listedWith(
  e: Entity & { resolution: PlaceResolution },
  places: readonly (Entity & { resolution: PlaceResolution })[],
  doc: Doc,
): (Entity & { resolution: PlaceResolution })[] {
  const joined = (a: Entity, b: Entity) =>
    b.start - a.end <= LIST_GAP_REACH && LIST_GAP.test(viewText(doc, a.end, b.start));
  const list = [e];
  for (let next = places.find((c) => c.start >= e.end && joined(e, c)); next;) {
    list.push(next);
    const last = next;
    next = places.find((c) => c.start >= last.end && joined(last, c));
  }
  for (let previous = places.findLast((c) => c.end <= e.start && joined(c, e)); previous;) {
    list.unshift(previous);
    const first = previous;
    previous = places.findLast((c) => c.end <= first.start && joined(c, first));
  }
  if (list.length > 1 && BETWEEN_BEFORE.test(viewText(doc, list[0].start - 20, list[0].start))) return [e];
  return list;
}

/** What joins two places of a list: a comma, و, or a parenthesis about the first (its distance from the capital). */
const LIST_GAP = viewPattern(/^[\s"'«»]*(\([^()]{0,40}\)[\s"'«»]*(,\s*)?و?|,\s*و?|و)[\s"'«»]*$/);
const LIST_GAP_REACH = 60;
const BETWEEN_BEFORE = viewPattern(/(^|\s)بين\s+(\S+\s+)?$/);

/**
 * The first town after landmark `e` that the words between make its city (WITH_ITS_CITY). Those
 * words are "في مدينة" or "ب" and spaces: a town further away than WITH_ITS_CITY_REACH characters
 * is not looked at, so a landmark costs the few places just after it, not the whole document's.
 */
function cityAfter(
  e: Entity,
  places: readonly (Entity & { resolution: PlaceResolution })[],
  placeStarts: readonly number[],
  doc: Doc,
): (Entity & { resolution: PlaceResolution }) | undefined {
  for (let i = lowerBound(placeStarts, e.end + 1); i < places.length; i++) {
    const c = places[i];
    if (c.start - e.end > WITH_ITS_CITY_REACH) break;
    if (TOWN_FEATURES.test(c.resolution.feature) && WITH_ITS_CITY.test(viewText(doc, e.end, c.start))) return c;
  }
  return undefined;
}

const WITH_ITS_CITY_REACH = 200;
const TOWN_FEATURES = /^(city|town)$/;
const SETTLEMENT_FEATURES = /^(city|town|village|hamlet|neighbourhood)$/;
/** Areas that hold towns: a province, a region, a country. */
const COARSE_FEATURES = /^(district|region|country)$/;
/**
 * What stands between a landmark and its city: "ميدان الشهداء في مدينة مصراتة"، "بحي الهواري
 * ببنغازي"، "(حي دمشق) بطرابلس"، "منطقة "المنظر" جنوب الحديدة"، "قرية المنظر الواقعة في محيط
 * مطار #الحديدة".
 */
const WITH_ITS_CITY = viewPattern(
  /^[\s)"'»]*(الواقعة?\s+)?((في|ب|وسط|داخل|قرب|بالقرب من|في محيط|محيط)\s*(مدينة|بلدة|مطار|ميناء)?|(جنوب|شمال|شرق|غرب)ي?(\s*(شرق|غرب)ي?)?\s*(مدينة|بلدة)?)[\s#]*$/,
);
/** Words that make the city after a town the one it lies in: "المنشية وسط مدينة سبها". */
const CITY_NAMED_AS_ITS = viewPattern(/(وسط|داخل|مدينة)\s*$/);
/** A quarter's noun before a name: the name is a quarter's (حي دمشق in Tripoli), whatever town it also names. */
const QUARTER_BEFORE = viewPattern(/(^|\s|\()(حي|شارع|ميدان|ساحة)\s*["'(«]?\s*$/);
/** What stands between a town and the area it lies in: "خان شيخون في محافظة إدلب"، "الخوخة، محافظة الحديدة". */
const IN_ITS_AREA = viewPattern(/^[\s،,)"'»]*(في|ب|من)?\s*(محافظة|ولاية|إقليم|مقاطعة|شعبية)?\s*$/);

/**
 * The locative ب glued to a place or to its place noun (بالقنيطرة، بمدينة درنة): cues.json's
 * proclitic ب (CueIndex.proclitic), which the word-level cue search cannot see since it is no
 * word of its own.
 */
const GLUED_IN = viewPattern(/(^|[\s#"'«(])[وف]?ب(ال)?((مدينة|بلدة|قرية|منطقة|محافظة|ولاية|مديرية)\s+)?$/);
/**
 * A preposition glued to a country or standing before it that the location cues do not hold:
 * بالسعودية، على إسرائيل، داخل سوريا (not إلى: where something went is not where it happened).
 */
const COUNTRY_GOVERNED = viewPattern(/((^|[\s#"'«(])[وف]?ب(ال)?|(^|\s)(على|داخل|أراضي|الأراضي)\s+)$/);

/** Characters between a place_references cue (بقيادة، المحاذية لـ) and the place it makes no event place. */
const PLACE_REFERENCE_GAP = 3;

/** Characters between a territory word and its place: تسيطر على المدخل الشمالي لمدينة غريان. */
const TERRITORY_OBJECT_GAP = 40;

/** "قادمة من تركيا إلى ليبيا": where a ship or convoy came from, or was going, is not where the event happened. */
const ORIGIN_BEFORE = viewPattern(/(^|\s)و?من\s*"?$/);
const NEAR_BEFORE = viewPattern(/(قرب|مقربة)\s+من\s*"?$/);
const JOINED_TO_ORIGIN = viewPattern(/(^|\s)من\s+\S+\s+و$/);
const JOINED_TO_NEAR = viewPattern(/(قرب|مقربة)\s+من\s+\S+\s+و$/);
const COMING_FROM = viewPattern(/(قادم|القادم|آت|الآت|انطلق)\S*\s+من\s*$/);
const COMING_FROM_TO = viewPattern(/(قادم|القادم|آت|الآت)\S*\s+من\s+\S+\s+(إلى|الى)\s*$/);

function isOrigin(e: Entity, doc: Doc): boolean {
  // "إنها من نالوت": a bare من before a place gives an origin, unless it follows قرب/مقربة …
  const before = viewText(doc, e.start - 16, e.start);
  if (ORIGIN_BEFORE.test(before) && !NEAR_BEFORE.test(before)) return true;
  // … and the places joined to it: "من نالوت وجادو".
  const joined = viewText(doc, e.start - 32, e.start);
  if (JOINED_TO_ORIGIN.test(joined) && !JOINED_TO_NEAR.test(joined)) return true;
  return COMING_FROM.test(before) || COMING_FROM_TO.test(viewText(doc, e.start - 48, e.start));
}

/** The location preposition that governs a place (في، قرب، شمال …, or ب glued to it), if any. */
function governingCue(e: Entity, doc: Doc, cues: CueIndex): CueMatch | GluedCue | null {
  const cue = cues.before('location_prepositions', null, e.start, 14);
  // A cue inside a parenthesis before the place governs that parenthesis only: "السلط (غرب عمان) ومعان".
  if (cue && !viewText(doc, cue.span.end, e.start).includes(')')) return cue;
  return GLUED_IN.test(viewText(doc, e.start - 12, e.start)) ? cues.proclitic('location_prepositions') : null;
}

/**
 * A country is a place when a preposition or a direction says so (في سوريا، بالسعودية، على
 * إسرائيل، شمال مالي); bare, it is a party: "اعتقلت ألمانيا دبلوماسيا"، "سعت روسيا".
 */
function namedAsPlace(e: Entity & { resolution: PlaceResolution }, doc: Doc, cues: CueIndex): boolean {
  return (
    governingCue(e, doc, cues) !== null ||
    !!e.resolution.direction ||
    COUNTRY_GOVERNED.test(viewText(doc, e.start - 6, e.start))
  );
}

/**
 * The country an article names as where things happen (في غرب أفغانستان), most often, first on a
 * tie; not where someone came from. For events of an article that names no place within one.
 */
export function mainCountry(doc: Doc, cues: CueIndex): (Entity & { resolution: PlaceResolution }) | null {
  return mostNamed(doc, (e) => e.resolution.feature === 'country' && namedAsPlace(e, doc, cues) && !isOrigin(e, doc));
}

/**
 * The article's main place: the focus-country place named most often (first on a tie), not
 * counting a place named as a reference (ومقره لندن، المحاذية للنيجر).
 */
export function mainPlace(doc: Doc, cues: CueIndex): (Entity & { resolution: PlaceResolution }) | null {
  return mostNamed(doc, (e) => e.resolution.feature !== 'country' && !namedAsReference(e, cues));
}

/** A place named after a place_references word (بقيادة، المحاذية لـ، ومقره): never where things happen. */
function namedAsReference(e: Span, cues: CueIndex): boolean {
  return cues.before('place_references', null, e.start, PLACE_REFERENCE_GAP) !== null;
}

/** The place `keep` accepts that the article names most often (first on a tie). */
function mostNamed(
  doc: Doc,
  keep: (e: Entity & { resolution: PlaceResolution }) => boolean,
): (Entity & { resolution: PlaceResolution }) | null {
  const counts = new Map<string, { e: Entity & { resolution: PlaceResolution }; n: number }>();
  for (const e of doc.entities) {
    if (!isPlace(e) || !keep(e)) continue;
    const entry = counts.get(e.resolution.id);
    if (entry) entry.n++;
    else counts.set(e.resolution.id, { e, n: 1 });
  }
  let best: { e: Entity & { resolution: PlaceResolution }; n: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
  return best?.e ?? null;
}

/**
 * The temporal expression of a clause, else of the sentence (years alone do not date an event).
 * A date between a verb of saying and what is said (قالت الوكالة، الثلاثاء، إن … الغارة) is the
 * day of the telling, and the strike told of may be older: its rule says so (TELLING_DATE).
 */
export function attachDate(
  trigger: TriggerMatch,
  clause: Span,
  sentence: Span,
  temporals: readonly TemporalExpression[],
  doc: Doc,
  /** The cues of the trigger's sentence. */
  cues: readonly CueMatch[],
): { temporal: TemporalExpression; rule: string } | null {
  const datable = temporals.filter((t) => t.kind !== 'year' && !scheduledDay(t, doc, cues));
  const byDistance = (list: TemporalExpression[]) =>
    list.sort((a, b) => Math.abs(a.start - trigger.span.start) - Math.abs(b.start - trigger.span.start))[0];
  const dated = (temporal: TemporalExpression, rule: string) => ({
    temporal,
    rule: temporal.end <= trigger.span.start && tellingDate(temporal, doc, cues) ? TELLING_DATE : rule,
  });
  const inClause = datable.filter((t) => within(t, clause));
  if (inClause.length) return dated(byDistance(inClause), 'date.clause');
  const inSentence = datable.filter((t) => within(t, sentence));
  if (inSentence.length) return dated(byDistance(inSentence), 'date.sentence');
  return null;
}

/** What may stand between a word of cues.json's scheduled list and the day it sets: المزمع عقدها في. */
const SCHEDULED_GAP = viewPattern(/^\s*((عقد|إجراء|اجراء|انعقاد)\S*\s+)?((في|يوم|بتاريخ)\s+)?$/);

/** "الانتخابات المقررة في 25 تموز": the day a thing is set for, not the day of an event its sentence tells. */
export function scheduledDay(t: TemporalExpression, doc: Doc, cues: readonly CueMatch[]): boolean {
  return cues.some(
    (c) => c.list === 'scheduled' && c.span.end <= t.start && SCHEDULED_GAP.test(viewText(doc, c.span.end, t.start)),
  );
}

/** The rule of a date that is the day a source spoke, not surely the day of what it tells. */
export const TELLING_DATE = 'date.of-the-telling';

/**
 * Who says so: the attribution before the trigger in its sentence (قالت مصادر ميدانية إن …،
 * أعلنت قوات الجيش … أنها …) or an "according to" anywhere in it (… حسب ما أكد المتحدث …).
 * The claimant is the words after the reporting verb up to إن/أن, a colon or a quote, or the
 * subject before it when the verb comes second (وكانت السلطات أعلنت الجمعة أن …).
 */
export function attachClaimant(
  trigger: TriggerMatch,
  sentence: Span,
  doc: Doc,
  /** The cues of the trigger's sentence. */
  cues: readonly CueMatch[],
  /** The trigger's sentence. */
  s: number,
  /** The named organisations and people of every sentence (LocalArguments.speakers). */
  speakers: readonly (readonly Entity[])[],
  cueIndex: CueIndex,
): Claimant | null {
  const found = claimantSpan(trigger.span, sentence, doc, cues);
  return (
    found && {
      ...found,
      actor: claimantOrganisation(found.span, doc, s, speakers, cueIndex),
      stateBody: stateBodyOf(found.span, cues, speakers[s] ?? []),
      speaksOfItself: speaksOfItself(found.span, trigger.span, doc),
    }
  );
}

/**
 * The source of a lead told in the outlet's own voice: the sentence right after it opens on a
 * verb of saying (… مقتل 30 جنديا في هجوم انتحاري في عدن. وقال مسؤولون محليون إن …). By press
 * convention that sentence attributes the lead; it says nothing of a later sentence's event, and
 * a source named further on does not count.
 */
export function claimantOfNextSentence(
  /** The lead: the article's first sentence that is not a heading. */
  s: number,
  doc: Doc,
  cueIndex: CueIndex,
  speakers: readonly (readonly Entity[])[],
): Claimant | null {
  const next = doc.sentences[s + 1];
  if (!next || next.heading) return null;
  const cues = cueIndex.inSentence(s + 1);
  const opening = cues.find((c) => c.list === 'attribution' && c.kind === 'verb');
  const firstWord = doc.tokens[firstTokenEndingAfter(doc.tokens, next.start)];
  if (!opening || !firstWord || opening.span.start > firstWord.end || opening.span.end < firstWord.stemStart)
    return null;
  const attributions = cues.filter((c) => c.list === 'attribution' && within(c.span, next));
  const found = claimantOfCue(opening, { start: next.end, end: next.end }, next, doc, attributions, cues);
  if (!found) return null;
  return {
    span: found.span,
    rule: 'claimant.next-sentence',
    actor: claimantOrganisation(found.span, doc, s + 1, speakers, cueIndex),
    stateBody: stateBodyOf(found.span, cues, speakers[s + 1] ?? []),
    speaksOfItself: false,
  };
}

function claimantSpan(
  /** The words naming the event: a claimant never holds them. */
  trigger: Span,
  sentence: Span,
  doc: Doc,
  cues: readonly CueMatch[],
): { span: Span; rule: string } | null {
  const attributions = cues.filter((c) => c.list === 'attribution' && within(c.span, sentence));
  const before = attributions.filter((c) => c.span.end <= trigger.start && c.kind !== 'according_to');
  const according = attributions.filter((c) => c.kind === 'according_to');
  // "أكد لوكالة الأنباء": an agency after ل is the one spoken to, not the one speaking.
  const speaking = before.filter(
    (c) =>
      !(
        c.kind === 'spokesman' &&
        /ل\s*$|^ل/.test(viewText(doc, Math.max(sentence.start, c.span.start - 1), c.span.start + 1))
      ),
  );
  let cue = speaking.length ? speaking[speaking.length - 1] : according[0];
  if (!cue) return null;
  // Two verbs in a row (وأضاف روي:): the second, with no و of its own, is the speaker's name
  // read as a verb; "أعلن وأكد الجيش" is two verbs.
  const verbJustBefore = before.find(
    (c) => c.kind === 'verb' && cue.kind === 'verb' && c.span.end <= cue.span.start && cue.span.start - c.span.end <= 2,
  );
  const second = doc.tokens[firstTokenEndingAfter(doc.tokens, cue.span.start)];
  if (verbJustBefore && second && !second.proclitics.includes('و')) {
    const span = withoutTrigger(claimantFrom(cue.span.start, sentence, doc, cues), trigger, doc);
    if (span.end > span.start) return { span, rule: 'claimant.verb' };
    cue = verbJustBefore;
  }
  return claimantOfCue(cue, trigger, sentence, doc, attributions, cues);
}

/**
 * A claimant never holds the event's words: it ends before them when it starts before them, and
 * is empty when it starts inside or after them.
 */
function withoutTrigger(span: Span, trigger: Span, doc: Doc): Span {
  if (!(span.start < trigger.end && trigger.start < span.end)) return span;
  const i = firstTokenEndingAfter(doc.tokens, trigger.start) - 1;
  return i >= 0 && doc.tokens[i].start >= span.start
    ? { start: span.start, end: doc.tokens[i].end }
    : { start: span.start, end: span.start };
}

/** The claimant a chosen attribution cue introduces: its noun, the words after it, or its subject. */
function claimantOfCue(
  cue: CueMatch,
  trigger: Span,
  sentence: Span,
  doc: Doc,
  attributions: readonly CueMatch[],
  /** Every cue of the sentence (a toll's words end a claimant). */
  cues: readonly CueMatch[],
): { span: Span; rule: string } | null {
  if (cue.kind === 'source' || cue.kind === 'spokesman') {
    const span = withoutTrigger(claimantFrom(cue.span.start, sentence, doc, cues), trigger, doc);
    return span.end > span.start ? { span, rule: `claimant.${cue.kind}` } : null;
  }
  // The claimant follows the verb (قالت مصادر) or the preposition (حسب ما أكد المتحدث …),
  // past any other attribution word in between (حسب ما ذكرته الحركة).
  let from = cue.span.end;
  for (const next of attributions) {
    if (next !== cue && next.span.start >= from && next.span.start - from <= 2) {
      if (next.kind !== 'verb' || cue.kind !== 'according_to') {
        from = next.span.start;
        break;
      }
      from = next.span.end;
    }
  }
  const verbal = cue.kind === 'verb' || cue.kind === undefined;
  // وكان تنظيم "داعش" قد تبنى …، وكانت السلطات أعلنت …: the subject stands between كان and the verb.
  const fronted = verbal ? subjectBefore(cue.span.start, sentence, doc, attributions, trigger) : null;
  if (fronted?.pluperfect) return { span: fronted.span, rule: 'claimant.subject-before-verb' };
  // The trigger may be the verb's object (تبنت الجماعة هجوما …): the claimant ends before it.
  const span = withoutTrigger(claimantFrom(from, sentence, doc, cues), trigger, doc);
  if (span.end > span.start) return { span, rule: `claimant.${cue.kind ?? 'verb'}` };
  // Nothing between the verb and إن/أن or the event's words: the subject came first
  // (مصادر محلية تؤكد مقتل …، وكانت الجماعة تبنت هجوما).
  if (fronted) return { span: fronted.span, rule: 'claimant.subject-before-verb' };
  return null;
}

/** Index of the first token (in text order) that ends after `offset`. */
function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const CLAIM_STOP = new Set(['ان', 'انه', 'انها', 'انهم', 'انهن', 'بان', 'بانه', 'بانها', 'فان', 'فانه', 'فانها']);

/**
 * A date between a verb of saying and the إن/أن that opens what is said (قالت الوكالة، الثلاثاء،
 * إن …؛ وكانت السلطات أعلنت الجمعة أن …): the day of the telling.
 */
function tellingDate(t: TemporalExpression, doc: Doc, cues: readonly CueMatch[]): boolean {
  const tokens = doc.tokens;
  let next = firstTokenEndingAfter(tokens, t.end);
  while (next < tokens.length && tokens[next].kind === 'punct' && tokens[next].end - t.end <= 3) next++;
  const opener = tokens[next];
  if (!opener || opener.kind !== 'word' || !CLAIM_STOP.has(opener.norm)) return false;
  return cues.some(
    (c) => c.list === 'attribution' && (c.kind === 'verb' || c.kind === undefined) && c.span.end <= t.start,
  );
}
/** A preposition right after the verb (أشار إلى …) says the verb is not one of saying here. */
const PREPOSITION = new Set(['الي', 'علي', 'عن', 'من', 'في', 'مع']);
/** Prepositions that end a claimant (أعلن النظام عن …، أشار المرصد إلى …); من and مع may belong to it. */
const ENDS_CLAIMANT = new Set(['الي', 'علي', 'عن', 'في']);

/** Whether a word is one of these prepositions: على and the name علي normalise alike, so على is told by its ى. */
function isPrepositionIn(set: ReadonlySet<string>, t: Token): boolean {
  return set.has(t.norm) && (t.norm !== 'علي' || !t.text.endsWith('ي'));
}

/** A relative pronoun ends the claimant (وكالة سبأ التي يسيطر عليها الحوثيون). */
const RELATIVE = new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'اللاتي']);
/** Words after ب that belong to a claimant: المتحدث باسم …، التحالف بقيادة …. */
const BELONGS_AFTER_BA = new Set(['اسم', 'قياده']);
const TITLE_AFTER_COMMA = /^(ال)?(لواء|عقيد|عميد|فريق|مشير|رائد|مقدم|نقيب|شيخ|سيد|دكتور)$/;
/** Words that open a clause before a fronted subject (فيما، بينما). */
const CLAUSE_OPENER = /^(فيما|بينما|حيث|كما|لكن|غير|ثم)$/;
/** كان before a fronted subject: the pluperfect frame (وكانت السلطات أعلنت …). */
const PLUPERFECT = /^(كان|كانت|كانوا)$/;
/** The most words a quoted name takes ("تحالف دعم الشرعية في اليمن"); longer quotes are speech. */
const QUOTED_NAME_WORDS = 6;
/** The most words a claimant takes: a title, a name and whom it speaks for. */
const CLAIMANT_WORDS = 14;

/** Whether a token lies inside one of the document's date expressions (sorted, not overlapping). */
function inTemporal(doc: Doc, t: Token): boolean {
  const i = spanIndexAt(doc.temporals, t.start);
  return i !== -1 && spanContains(doc.temporals[i], t);
}

const isQuote = (t: Token) => t.kind === 'punct' && t.norm === '"';
/** The marks of a hashtag (#الجيش_اليمني): its words are the name. */
const isHash = (t: Token) => t.kind === 'punct' && (t.text === '#' || t.text === '_');

/**
 * A verbal noun after ب ends the claimant (اتهمت السلطات الجماعة بتنفيذ …، أفادت المصادر
 * باندلاع …); a name that starts with ب (برهوم، بشار) does not: verbal nouns start with ا or ت
 * or carry the article.
 */
function endsAtBa(t: Token): boolean {
  return (
    t.proclitics.includes('ب') &&
    !BELONGS_AFTER_BA.has(t.stem) &&
    (t.proclitics.includes('ال') || (t.stem.length >= 4 && /^[ات]/.test(t.stem)))
  );
}

/** Whether a quote closes within `words` tokens from `from` (a quoted name, not quoted speech). */
function closingQuoteWithin(tokens: readonly Token[], from: number, words: number): boolean {
  for (let i = from; i < tokens.length && i < from + words; i++) {
    if (isQuote(tokens[i])) return i > from;
    if (tokens[i].kind === 'punct') return false;
  }
  return false;
}

/** At most `limit` tokens of the document from index `from` on, inside `sentence`. */
function tokensFrom(doc: Doc, from: number, sentence: Span, limit: number): Token[] {
  const list: Token[] = [];
  for (let i = from; i < doc.tokens.length && doc.tokens[i].end <= sentence.end && list.length < limit; i++)
    list.push(doc.tokens[i]);
  return list;
}

function claimantFrom(
  start: number,
  sentence: Span,
  doc: Doc,
  /** The cues of the sentence: a toll's words (مقتل، قتلى) end the claimant. */
  cues: readonly CueMatch[],
): Span {
  // From the word the claimant starts in (a cue may match inside المصدر) to where it stops.
  // The tokens from `start` to the end of the sentence, found by a binary search: the loop below
  // reads at most CLAIMANT_WORDS of them (and looks at one more).
  let first = firstTokenEndingAfter(doc.tokens, start);
  // A date, a comma, a hashtag or the quote of a quoted name between the verb and its subject
  // (أعلن، أمس، الجيش … ; أعلن "التحالف" … ; قال #نصر_الله); a quote opening speech is not skipped.
  while (first < doc.tokens.length && doc.tokens[first].end <= sentence.end) {
    const t = doc.tokens[first];
    const skip =
      (t.kind === 'punct' && t.norm === ',') ||
      (isQuote(t) &&
        closingQuoteWithin(tokensFrom(doc, first + 1, sentence, QUOTED_NAME_WORDS + 1), 0, QUOTED_NAME_WORDS)) ||
      isHash(t) ||
      inTemporal(doc, t);
    if (!skip) break;
    first++;
  }
  const tolls = cues.filter((c) => c.list === 'casualty');
  const tokens = tokensFrom(doc, first, sentence, CLAIMANT_WORDS + 1);
  if (tokens.length === 0 || isPrepositionIn(PREPOSITION, tokens[0])) return { start, end: start };
  start = tokens[0].start;
  let end = start;
  for (let i = 0; i < tokens.length && i < CLAIMANT_WORDS; i++) {
    const t: Token = tokens[i];
    if (t.kind === 'word' && (CLAIM_STOP.has(t.norm) || RELATIVE.has(t.norm))) break;
    // A figure or a toll's words are what the source says, not who it is (أعلنت السلطات مقتل خمسة …).
    if (t.kind === 'number' || tolls.some((c) => c.span.start < t.end && t.start < c.span.end)) break;
    if (isHash(t)) continue;
    if (t.kind === 'punct') {
      if (t.norm === ',' && tokens[i + 1] && TITLE_AFTER_COMMA.test(tokens[i + 1].norm)) continue;
      // Names in quotes are part of the claimant: اللواء «التاسع ترهونة»; a quote that opens
      // the speaker's words is not.
      if (t.norm === '"' && end > start && i <= 2 && closingQuoteWithin(tokens, i + 1, 5)) {
        end = t.end;
        continue;
      }
      break;
    }
    if (t.kind === 'word' && (/^(امس|اليوم|يوم)$/.test(t.norm) || inTemporal(doc, t))) break;
    // A prepositional phrase (لوكالة الأنباء، في بيان، عن سيطرته) ends the claimant.
    if (
      t.kind === 'word' &&
      end > start &&
      (t.proclitics.includes('ل') || isPrepositionIn(ENDS_CLAIMANT, t) || endsAtBa(t))
    )
      break;
    end = t.end;
  }
  // A quote taken in as the start of a name whose words then stopped: not part of the claimant.
  while (end > start) {
    const i = firstTokenEndingAfter(doc.tokens, end - 1);
    if (!isQuote(doc.tokens[i])) break;
    end = i > 0 && doc.tokens[i - 1].end > start ? doc.tokens[i - 1].end : start;
  }
  return { start, end };
}

/**
 * The subject before a verb of saying, when it stands at the start of its clause: between كان
 * and the verb (وكانت السلطات أعلنت …، وكان تنظيم "داعش" قد تبنى …), or from the sentence start,
 * a comma or a clause opener (الجيش الإسرائيلي يؤكد أنه …). `pluperfect` when كان opened it.
 */
function subjectBefore(
  verbStart: number,
  sentence: Span,
  doc: Doc,
  /** The attribution cues of the sentence. */
  attributions: readonly CueMatch[],
  trigger: Span,
): { span: Span; pluperfect: boolean } | null {
  let i = firstTokenEndingAfter(doc.tokens, verbStart) - 1;
  // كان … قد أعلن: the particle is not part of the subject.
  if (i >= 0 && doc.tokens[i].norm === 'قد') i--;
  let first = -1;
  let quoteAt = -1;
  let opener: 'pluperfect' | 'clause' | null = null;
  for (let n = 0; n < CLAIMANT_WORDS; i--, n++) {
    if (i < 0 || doc.tokens[i].start < sentence.start) {
      opener = 'clause';
      break;
    }
    const t = doc.tokens[i];
    if (isQuote(t) || isHash(t)) {
      if (quoteAt === -1 && isQuote(t)) quoteAt = i;
      continue;
    }
    if (t.kind === 'word' && PLUPERFECT.test(t.stem)) {
      opener = 'pluperfect';
      break;
    }
    if (t.kind === 'punct' || (t.kind === 'word' && (CLAUSE_OPENER.test(t.stem) || CLAIM_STOP.has(t.norm)))) {
      opener = 'clause';
      break;
    }
    // A preposition, a date, another verb of saying (وأضاف) or a relative pronoun: the words
    // before the verb are not its subject.
    if (
      t.kind !== 'word' ||
      isPrepositionIn(PREPOSITION, t) ||
      RELATIVE.has(t.norm) ||
      inTemporal(doc, t) ||
      attributions.some((c) => c.kind === 'verb' && c.span.start <= t.start && t.end <= c.span.end)
    )
      return null;
    first = i;
  }
  if (opener === null || first === -1) return null;
  // Outside the pluperfect frame a quote is where the speaker's words ended (وقال غني" أعلن …).
  if (opener === 'clause' && quoteAt !== -1) first = quoteAt + 1;
  let last = firstTokenEndingAfter(doc.tokens, verbStart) - 1;
  while (last >= first && (doc.tokens[last].kind !== 'word' || doc.tokens[last].norm === 'قد')) last--;
  // A closing quote of a name in the subject stays with it (تنظيم "داعش").
  if (last + 1 < doc.tokens.length && isQuote(doc.tokens[last + 1]) && doc.tokens[last + 1].end <= verbStart) {
    let quotes = 0;
    for (let k = first; k <= last; k++) if (isQuote(doc.tokens[k])) quotes++;
    if (quotes % 2 === 1) last++;
  }
  if (last < first || doc.tokens[first].kind !== 'word') return null;
  const span = { start: doc.tokens[first].start, end: doc.tokens[last].end };
  if (span.start < trigger.end && trigger.start < span.end) return null;
  return { span, pluperfect: opener === 'pluperfect' };
}

function isPlace(e: Entity): e is Entity & { resolution: PlaceResolution } {
  return e.resolution?.kind === 'place';
}

/** Where the clause reported after the last إن or أن (بأن) between `from` and `to` starts, or null. */
function thatClauseStart(doc: Doc, from: number, to: number): number | null {
  const tokens = doc.tokens;
  let found: number | null = null;
  for (let k = Math.max(0, spanIndexAt(tokens, from)); k < tokens.length && tokens[k].end <= to; k++) {
    const t = tokens[k];
    const bare = t.text.replace(/[\u064B-\u0652]/g, '');
    if (t.start >= from && t.kind === 'word' && t.stem === COMPLEMENTIZER && /^[بو]?[إأ]ن$/.test(bare)) found = t.end;
  }
  return found;
}
const COMPLEMENTIZER = 'ان';
