/**
 * Entity recognition: classifiers propose candidates (dictionary, patterns, the statistical
 * tagger), a solver keeps a consistent set, and each kept name is resolved to the knowledge it
 * refers to. This is the composition root of src/entities.
 */
import type { Doc, Token } from '../core/document.js';
import { tagSentences } from '../ner/tagger/index.js';
import { matchNames } from './dictionary-matcher.js';
import { matchPatterns } from './patterns.js';
import type { EntityCandidate } from './candidate.js';
import { withoutArticle, type EntityType } from './name-index.js';
import type { EntityKnowledge } from './knowledge.js';
import { readPlaceEvidence, withPlaceEvidence } from './place-evidence.js';
import { findOutlet } from '../knowledge/outlets.js';
import {
  ambiguousAlias,
  countryVotes,
  resolveActorOrPerson,
  resolvePlace,
  topCountries,
  type Resolution,
} from './resolve.js';

export interface Entity {
  type: EntityType;
  start: number;
  end: number;
  text: string;
  tokenStart: number;
  tokenEnd: number;
  rule: string;
  confidence: number;
  /** The knowledge entry the name was resolved to, or null (a name the dictionaries lack). */
  resolution: Resolution | null;
  /** For a demonym (اليونانية): the country it names. */
  demonymOf: string | null;
}

const SOURCE_RANK = { dictionary: 3, pattern: 2, tagger: 1 } as const;

/**
 * Where a name starts inside its first token: after a conjunction و/ف, but a preposition-like
 * first letter stays (بورقيقة is a name, not ب + ورقيقة).
 */
function nameStartInToken(token: Token): number {
  const [first] = token.proclitics;
  return (first === 'و' || first === 'ف') && token.proclitics.length === 1 ? token.stemStart : token.start;
}

/**
 * Candidates from the statistical tagger, one per B-/I- run, over every sentence or only the
 * given ones (each still sees its neighbours among them as evidence).
 */
export function taggerCandidates(
  tokens: readonly Token[],
  knowledge: EntityKnowledge,
  only: ReadonlySet<number> | null = null,
): EntityCandidate[] {
  if (!knowledge.ner) return [];
  const sentences: { from: number; tokens: Token[] }[] = [];
  let from = 0;
  while (from < tokens.length) {
    let to = from;
    while (to < tokens.length && tokens[to].sentence === tokens[from].sentence) to++;
    if (!only || only.has(tokens[from].sentence)) sentences.push({ from, tokens: tokens.slice(from, to) });
    from = to;
  }
  if (sentences.length === 0) return [];
  const tagged = tagSentences(
    knowledge.ner,
    sentences.map((s) => s.tokens.map((t) => t.text)),
  );
  const found: EntityCandidate[] = [];
  sentences.forEach(({ from: offset, tokens: sentence }, k) => {
    const tags = tagged[k];
    for (let i = 0; i < tags.length; i++) {
      if (!tags[i].startsWith('B-')) continue;
      const label = tags[i].slice(2);
      let j = i + 1;
      while (j < tags.length && tags[j] === `I-${label}`) j++;
      // A lone framing word (ميليشيات، الإرهابيين) or function word is no name.
      const lone =
        j === i + 1 &&
        (knowledge.framingLabels.has(withoutArticle(sentence[i].stem)) ||
          knowledge.patterns.functionWords.has(sentence[i].norm));
      const type = entityTypeOf(label);
      if (!lone && type) {
        found.push({
          start: nameStartInToken(sentence[i]),
          end: sentence[j - 1].end,
          type,
          tokenStart: offset + i,
          tokenEnd: offset + j,
          entries: [],
          source: 'tagger',
          rule: 'tagger.anercorp',
          confidence: 0.55,
          direction: null,
        });
      }
      i = j - 1;
    }
  });
  return found;
}

/**
 * Keeps a consistent, non-overlapping set: dictionary names first, then patterns, then the
 * tagger; a longer pattern or tagger name of the same type that contains a dictionary name
 * extends it (أحمد + المسماري) and keeps its knowledge.
 */
export function solve(candidates: EntityCandidate[]): EntityCandidate[] {
  // The pattern and tagger names of people over each token, in candidate order: a dictionary
  // name looks for its container among those over its first token, not among every candidate.
  const personsOver = new Map<number, EntityCandidate[]>();
  for (const o of candidates) {
    if (o.source === 'dictionary' || o.type !== 'PER') continue;
    for (let t = o.tokenStart; t < o.tokenEnd; t++) {
      const list = personsOver.get(t);
      if (list) list.push(o);
      else personsOver.set(t, [o]);
    }
  }
  const extended = candidates.map((c) => {
    if (c.source !== 'dictionary') return c;
    const container = (personsOver.get(c.tokenStart) ?? []).find(
      (o) =>
        o.type === c.type &&
        o.tokenStart <= c.tokenStart &&
        c.tokenEnd <= o.tokenEnd &&
        o.tokenEnd - o.tokenStart > c.tokenEnd - c.tokenStart,
    );
    return container
      ? {
          ...c,
          start: container.start,
          end: Math.max(c.end, container.end),
          tokenStart: container.tokenStart,
          tokenEnd: container.tokenEnd,
          rule: `${c.rule}+${container.rule}`,
        }
      : c;
  });
  const ordered = [...extended].sort(
    (a, b) => SOURCE_RANK[b.source] - SOURCE_RANK[a.source] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Kept names never overlap, so which characters they cover says whether a candidate overlaps
  // one: a look at its own characters, not at every name kept so far.
  const kept: EntityCandidate[] = [];
  const covered = new Uint8Array(ordered.reduce((end, c) => Math.max(end, c.end), 0));
  for (const c of ordered) {
    let overlaps = false;
    for (let k = c.start; k < c.end && !overlaps; k++) overlaps = covered[k] === 1;
    if (overlaps) continue;
    kept.push(c);
    covered.fill(1, c.start, c.end);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * What the outlet that published an article weighs as votes for its country: a national outlet
 * reports on its own country first (Jawhara FM's الحرس الوطني بسوسة is Tunisia's, not Libya's).
 */
const OUTLET_HOME_VOTES = 2.5;

/** The country of the outlet that published the article (its first origin naming a known national outlet), or null. */
function outletHome(article: Doc['article'], knowledge: EntityKnowledge): string | null {
  for (const origin of article.origins) {
    const home = findOutlet(knowledge.outlets, origin.source, origin.url)?.home;
    if (home && /^[A-Z]{2}$/.test(home)) return home;
  }
  return null;
}

/** Names in a document; the tagger runs on `taggedSentences` only when given (null: all). */
export function recognizeEntities(
  doc: Doc,
  knowledge: EntityKnowledge,
  taggedSentences: ReadonlySet<number> | null = null,
): Entity[] {
  const { tokens, view } = doc;
  // The outlet's country counts as a few mentions of it: a Tunisian radio's سوسة is Sousse.
  const home = outletHome(doc.article, knowledge);
  const votesOf = (found: readonly EntityCandidate[]) => {
    const votes = countryVotes(found, knowledge);
    if (home) votes.set(home, (votes.get(home) ?? 0) + OUTLET_HOME_VOTES);
    return votes;
  };
  const names = matchNames(tokens, view, knowledge.names);
  // The countries are counted over the names that may be places at all (not يوم، الجمعة), then
  // the villages and towns abroad are weighed against them.
  const evidence = readPlaceEvidence(names, tokens, view, knowledge);
  const plausible = withPlaceEvidence(evidence, knowledge, []);
  const candidates = [
    ...withPlaceEvidence(evidence, knowledge, topCountries(votesOf(plausible), 0.5)),
    ...matchPatterns(tokens, knowledge.patterns),
    ...taggerCandidates(tokens, knowledge, taggedSentences),
  ];
  const chosen = solve(candidates);
  const votes = votesOf(chosen);
  const focus = topCountries(votes, 1)[0] ?? null;
  const most = Math.max(0, ...votes.values());
  const focusShares = new Map([...votes].map(([country, n]) => [country, n / most]));
  const date = doc.article.published;

  // First pass: places with one reading anchor the others (proximity).
  // Each point once: only the nearest counts, and a long text names the same places again and
  // again (a resolution then weighs the gazetteer's places at most, not every mention).
  const anchors: { lat: number; lon: number }[] = [];
  const anchorPoints = new Set<string>();
  for (const c of chosen) {
    const places = c.entries.filter((e) => e.kind === 'place');
    if (places.length === 1 && c.entries.length === 1) {
      const g = knowledge.geo.get(places[0].ref);
      const at = g?.kind === 'place' ? g.place : g?.kind === 'city' ? g.city : null;
      const point = at ? `${at.lat},${at.lon}` : null;
      if (at && point !== null && !anchorPoints.has(point)) {
        anchorPoints.add(point);
        anchors.push(at);
      }
    }
  }

  // Actors named without ambiguity, and the organisations of the people named, settle the
  // ambiguous labels (الجيش الوطني in a report that also names Haftar).
  const contextActors = new Set<string>();
  for (const c of chosen) {
    const r = c.entries.some((e) => e.kind === 'actor' || e.kind === 'person')
      ? resolveActorOrPerson(c, knowledge, date, new Set(), focus)
      : null;
    if (r?.kind === 'person' && r.actor) contextActors.add(r.actor.id);
    if (r?.kind === 'actor' && r.alternatives.length === 0) contextActors.add(r.id);
  }

  const nearestAnchorKm = new Map<string, number>();
  return chosen.map((c, i) => {
    const previous = tokens[c.tokenStart - 1];
    const previousWord =
      previous && previous.sentence === tokens[c.tokenStart].sentence ? withoutArticle(previous.stem) : null;
    let resolution: Resolution | null = null;
    const demonym = c.entries.find((e) => e.demonym);
    if (c.entries.some((e) => (e.kind === 'place' || e.kind === 'country') && !e.demonym)) {
      resolution = resolvePlace(c, knowledge, { focus, focusShares, anchors, previousWord, nearestAnchorKm });
    } else if (c.entries.some((e) => e.kind === 'actor' || e.kind === 'person')) {
      resolution = resolveActorOrPerson(c, knowledge, date, contextActors, focus);
      // "الشرطة السويسرية"، "قوات الأمن الباكستانية": a word several countries' bodies share,
      // followed by another country's nationality, names that country's, which the dictionary
      // lacks. A name of its own keeps its group (ميليشيات الحوثي الإيرانية: a partisan epithet).
      const next = chosen[i + 1];
      const nationality = next?.tokenStart === c.tokenEnd ? next.entries.find((e) => e.demonym) : undefined;
      const nationalityOf = nationality?.ref.replace(/^country:/, '');
      const actor = resolution?.kind === 'actor' ? knowledge.actors.byId.get(resolution.id) : undefined;
      const shared =
        actor?.type === 'actor' &&
        c.entries.some((e) => e.kind === 'actor' && e.ref === actor.id && ambiguousAlias(e, actor));
      if (shared && nationalityOf && resolution?.kind === 'actor' && resolution.country !== nationalityOf)
        resolution = null;
    }
    const type: EntityType =
      resolution?.kind === 'place'
        ? 'LOC'
        : resolution?.kind === 'person'
          ? 'PER'
          : resolution?.kind === 'actor'
            ? 'ORG'
            : c.type;
    return {
      type,
      start: c.start,
      end: c.end,
      text: view.original.slice(c.start, c.end),
      tokenStart: c.tokenStart,
      tokenEnd: c.tokenEnd,
      rule: c.rule,
      confidence: resolution ? Math.min(c.confidence, resolution.confidence) : c.confidence,
      resolution,
      demonymOf: demonym && !resolution ? demonym.ref.replace(/^country:/, '') : null,
    };
  });
}

/** The tagger's label (ANERcorp's PERS, LOC, ORG, MISC) as an entity type; null for a label it never gives. */
function entityTypeOf(label: string): EntityType | null {
  switch (label) {
    case 'PERS':
      return 'PER';
    case 'LOC':
    case 'ORG':
    case 'MISC':
      return label;
    default:
      return null;
  }
}
