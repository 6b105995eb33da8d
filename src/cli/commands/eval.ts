import type { Command } from 'commander';
import type { Article } from '../../core/article.js';
import type { Span } from '../../core/span.js';
import { loadGold, mergeGold, selectSplit } from '../../eval/gold.js';
import { evaluateGold, pipelinePredictor, type EvalRun, type EvaluatedDocument } from '../../eval/harness.js';
import {
  analyzePloverSentences,
  detectsPloverType,
  PLOVER_TYPES,
  requirePloverDataset,
  scorePlover,
  type PloverScores,
  type PloverType,
} from '../../eval/plover.js';
import type { PairScore, PRF, Rate, Scores } from '../../eval/score.js';
import { loadPipelineContext } from '../../pipeline/context.js';
import { table, truncate } from '../format.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score the extractor against hand-coded gold events, or PLOVER-coded sentences (eval/README.md)')
    .option(
      '--gold <file...>',
      'gold events file(s) of one corpus, e.g. eval/gold/seeds.json, or eval/gold/ant-ms-batch-*.json',
    )
    .option(
      '--plover [type...]',
      `sentence detection against human PLOVER judgments (${PLOVER_TYPES.join(', ')}; default both), from ../shared/datasets/plover-gsr`,
    )
    .option('--split <split>', 'score only the documents of this split (dev or test)')
    .option('--json', 'print one JSON object with every metric')
    .option('--shared <dir>', 'the shared data directory holding the articles (default: ../shared beside the checkout)')
    .option('--verbose', "list each document's matched, missed and spurious events with their words")
    .action(async (opts: EvalOptions) => {
      if (opts.plover !== undefined) {
        if (opts.gold !== undefined) throw new Error('give either --gold <file...> or --plover [type...], not both');
        runPloverEval(opts.plover === true ? [...PLOVER_TYPES] : opts.plover, opts);
        return;
      }
      if (opts.gold === undefined) throw new Error('give --gold <file...> (or --plover [type...])');
      if (opts.split !== undefined && opts.split !== 'dev' && opts.split !== 'test') {
        throw new Error(`--split must be dev or test, not "${opts.split}"`);
      }
      const gold = selectSplit(mergeGold(opts.gold.map((path) => ({ path, file: loadGold(path) }))), opts.split);
      const goldPath = opts.gold.join(' ') + (opts.split ? ` (${opts.split})` : '');
      const run = await evaluateGold(gold, goldPath, pipelinePredictor(loadPipelineContext()), opts.shared);
      for (const w of run.report.warnings) process.stderr.write(`warning: ${w}\n`);
      for (const doc of run.report.missing)
        process.stderr.write(`warning: ${doc}: article not found, left out of the scores\n`);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(run.report)}\n`);
        return;
      }
      process.stdout.write(`${formatReport(run)}\n`);
      if (opts.verbose)
        process.stdout.write(`${run.documents.map((d, i) => formatDocument(d, run.report.scores, i)).join('\n\n')}\n`);
    });
}

interface EvalOptions {
  gold?: string[];
  plover?: true | string[];
  split?: string;
  json?: boolean;
  shared?: string;
  verbose?: boolean;
}

function isPloverType(s: string): s is PloverType {
  return (PLOVER_TYPES as readonly string[]).includes(s);
}

/** Each sentence run as a one-sentence article; detected when an event has the PLOVER type. */
function runPloverEval(types: string[], opts: { json?: boolean; shared?: string }): void {
  const unknown = types.filter((t) => !isPloverType(t));
  if (unknown.length > 0) throw new Error(`--plover takes ${PLOVER_TYPES.join(' or ')}, not ${unknown.join(', ')}`);
  const context = loadPipelineContext();
  const reports = types.filter(isPloverType).map((type) => {
    const sentences = requirePloverDataset(type, opts.shared);
    const docs = analyzePloverSentences(sentences, context);
    const scores = scorePlover(
      sentences.map((s, i) => ({
        label: s.label,
        difficulty: s.difficulty,
        detected: detectsPloverType(docs[i], type),
      })),
    );
    return { type, sentences: sentences.length, scores };
  });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ plover: reports })}\n`);
    return;
  }
  process.stdout.write(`${reports.map((r) => formatPlover(r.type, r.sentences, r.scores)).join('\n\n')}\n`);
}

function formatPlover(type: PloverType, sentences: number, s: PloverScores): string {
  return [
    `PLOVER ${type}: ${sentences} sentences, ${s.ambiguous} ambiguous left out; detected = an event with plover.type ${type}`,
    table(['', 'P', 'R', 'F1', 'TP', 'pred', 'gold'], [prfRow(type, s.overall)]),
    "By the coders' agreement (yes: detected are true positives; no: detected are false positives)",
    table(
      ['label/difficulty', 'sentences', 'detected', 'share'],
      s.byDifficulty.map((g) => [g.group, String(g.sentences), String(g.detected), pct(g.detected / g.sentences)]),
    ),
  ].join('\n');
}

const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);
const km = (x: number | null) => (x === null ? '-' : `${x.toFixed(1)} km`);

function prfRow(name: string, m: PRF): string[] {
  return [name, pct(m.precision), pct(m.recall), pct(m.f1), String(m.tp), String(m.predicted), String(m.gold)];
}

function rateRow(name: string, r: Rate): string[] {
  return [name, pct(r.share), String(r.count), String(r.total)];
}

function formatReport(run: EvalRun): string {
  const { gold, missing } = run.report;
  const s = run.report.scores;
  const scored = gold.documents - missing.length;
  const prfHeaders = ['', 'P', 'R', 'F1', 'TP', 'pred', 'gold'];
  return [
    `Gold ${gold.path} (${gold.corpus}, version ${gold.version}): ${scored} of ${gold.documents} documents scored, ` +
      `${s.detection.gold} gold events, ${s.detection.predicted} predicted, ${s.detection.tp} matched`,
    '',
    table(prfHeaders, [
      prfRow('events', s.detection),
      prfRow('event_type', s.eventType),
      prfRow('sub_event_type', s.subEventType),
    ]),
    '',
    'By event_type',
    table(
      prfHeaders,
      Object.entries(s.byEventType).map(([type, m]) => prfRow(type, m)),
    ),
    '',
    `Fields of the ${s.detection.tp} matched pairs`,
    table(
      ['', 'share', 'right', 'of'],
      [
        rateRow('date', s.date),
        rateRow('date_text', s.dateText),
        rateRow('fatalities (gold known)', s.fatalities.exact),
        rateRow('fatalities (null = 0)', s.fatalities.nullAsZero),
        rateRow('injured (gold known)', s.injured.exact),
        rateRow('injured (null = 0)', s.injured.nullAsZero),
        rateRow('actor1', s.actors.actor1),
        rateRow('actor2', s.actors.actor2),
        rateRow('actor1 and actor2', s.actors.both),
        rateRow('modality', s.modality),
        rateRow('claimed_by (gold names one)', s.claimedBy.right),
        rateRow('claimed_by where gold has none', s.claimedBy.givenWhereNone),
        rateRow('claimed_by: its organisation (claimant right)', s.claimedBy.organisation),
        rateRow('place within 25 km', s.place.within25km),
        rateRow('place in the right country', s.place.rightCountry),
        rateRow('place: gold has one, none predicted', s.place.goldPlacePredictedNone),
      ],
    ),
    `Place error over ${s.place.pairsWithCoordinates} pairs with coordinates: median ${km(s.place.medianKm)}, mean ${km(s.place.meanKm)}`,
    '',
    `Not-events: ${s.notEvents.predictedInside} predicted event(s) with a trigger inside ${s.notEvents.spansHit} of ${s.notEvents.spans} not-event spans`,
    '',
    'Per document',
    table(
      ['doc', 'gold', 'pred', 'matched', 'P', 'R', 'F1', 'type F1', 'not-ev'],
      s.perDocument.map((d) => [
        d.doc,
        String(d.detection.gold),
        String(d.detection.predicted),
        String(d.detection.tp),
        pct(d.detection.precision),
        pct(d.detection.recall),
        pct(d.detection.f1),
        pct(d.eventType.f1),
        String(d.notEventHits.length),
      ]),
    ),
  ].join('\n');
}

function words(article: Article, span: Span, max = 50): string {
  return `«${truncate(article.text.slice(span.start, span.end), max)}»`;
}

/** The fields of a matched pair that disagree, e.g. "date place 12.0 km actor2". */
function disagreements(p: PairScore): string {
  const wrong: string[] = [];
  if (!p.eventType) wrong.push('event_type');
  else if (!p.subEventType) wrong.push('sub_event_type');
  if (!p.date) wrong.push('date');
  if (p.placeMissing) wrong.push('place missing');
  else if (p.km !== null && p.km > 25) wrong.push(`place ${km(p.km)}`);
  if (p.fatalities === false) wrong.push('fatalities');
  if (p.injured === false) wrong.push('injured');
  if (!p.actor1) wrong.push('actor1');
  if (!p.actor2) wrong.push('actor2');
  if (!p.modality) wrong.push('modality');
  return wrong.length === 0 ? 'all fields agree' : `differs: ${wrong.join(', ')}`;
}

function formatDocument(d: EvaluatedDocument, scores: Scores, index: number): string {
  const s = scores.perDocument[index];
  const gold = d.gold.events;
  const kind = (e: { event_type: string; sub_event_type: string }) => `${e.event_type} / ${e.sub_event_type}`;
  const lines = [`## ${d.gold.doc}`];
  for (const p of s.pairScores) {
    const g = gold[p.gold];
    const x = d.predicted[p.predicted];
    lines.push(`  matched  gold ${p.gold} ${kind(g)} ${words(d.article, g.trigger)}`);
    lines.push(`           pred ${p.predicted} ${kind(x)} ${words(d.article, x.trigger)} (${disagreements(p)})`);
  }
  for (const i of s.missed) {
    const g = gold[i];
    lines.push(
      `  missed   gold ${i} ${kind(g)} ${words(d.article, g.trigger)}: ${words(d.article, g.evidence[0], 100)}`,
    );
  }
  for (const i of s.spurious) {
    const x = d.predicted[i];
    const hit = s.notEventHits.find((h) => h.predicted === i);
    const why = hit === undefined ? '' : ` (inside a not-event: ${d.gold.not_events?.[hit.notEvent].why})`;
    lines.push(`  spurious pred ${i} ${kind(x)} ${words(d.article, x.trigger)}${why}`);
  }
  if (lines.length === 1) lines.push('  no gold and no predicted event');
  return lines.join('\n');
}
