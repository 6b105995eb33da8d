/**
 * Agreement between two annotators of the same documents (eval/gold/README.md, "Agreement"):
 * the second annotation is scored against the first with the harness's own matching, so the
 * figures read like the extractor's (event detection and type F1, fields of matched pairs), plus
 * how far the two agree on the not-event spans and their reason classes.
 *
 *   node --import tsx scripts/gold-agreement.ts --a eval/gold/ant-ms-batch-3.json \
 *     --b eval/gold/agreement/ant-ms-review.json [--json]
 */
import { parseArgs } from 'node:util';
import { spansOverlap } from '../src/core/span.js';
import { loadGold, type GoldDocument, type GoldEvent } from '../src/eval/gold.js';
import { scoreDocuments, type PredictedEvent } from '../src/eval/score.js';

const { values } = parseArgs({
  options: { a: { type: 'string', multiple: true }, b: { type: 'string' }, json: { type: 'boolean', default: false } },
});
if (!values.a || !values.b) {
  console.error('usage: gold-agreement.ts --a FIRST.json [--a MORE.json] --b SECOND.json [--json]');
  process.exit(2);
}

const first = new Map<string, GoldDocument>();
for (const path of values.a) for (const d of loadGold(path).documents) first.set(d.doc, d);
const second = loadGold(values.b).documents.filter((d) => first.has(d.doc));

const actor = (name: string | null) => (name === null ? null : { id: name, name });
const asPredicted = (e: GoldEvent): PredictedEvent => ({
  ...e,
  actor1: actor(e.actor1),
  actor2: actor(e.actor2),
  claimed_by: e.claimed_by?.[0] ?? null,
  claimed_by_actor: actor(e.claimed_by?.[0]?.organisation ?? null),
});

const scores = scoreDocuments(
  second.map((b) => {
    const a = first.get(b.doc)!;
    return { doc: b.doc, gold: a.events, predicted: b.events.map(asPredicted), notEvents: a.not_events ?? [] };
  }),
);

// Not-events: a span of one annotator overlapping one of the other's, and whether the reasons agree.
let spansA = 0;
let spansB = 0;
let overlapping = 0;
let sameReason = 0;
let documentsAgreeNoEvent = 0;
for (const b of second) {
  const a = first.get(b.doc)!;
  const notA = a.not_events ?? [];
  const notB = b.not_events ?? [];
  spansA += notA.length;
  spansB += notB.length;
  for (const nb of notB) {
    const na = notA.find((x) => spansOverlap(x, nb));
    if (na === undefined) continue;
    overlapping++;
    if (na.reason !== undefined && na.reason === nb.reason) sameReason++;
  }
  if (a.events.length === 0 && b.events.length === 0) documentsAgreeNoEvent++;
}

const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);
const report = {
  documents: second.length,
  documentsBothNoEvent: documentsAgreeNoEvent,
  events: { first: scores.detection.gold, second: scores.detection.predicted, matched: scores.detection.tp },
  detectionF1: scores.detection.f1,
  eventTypeF1: scores.eventType.f1,
  subEventTypeF1: scores.subEventType.f1,
  date: scores.date.share,
  fatalities: scores.fatalities.exact.share,
  actor1: scores.actors.actor1.share,
  actor2: scores.actors.actor2.share,
  placeWithin25km: scores.place.within25km.share,
  notEvents: { first: spansA, second: spansB, overlapping, sameReason },
};
if (values.json) {
  console.log(JSON.stringify(report));
} else {
  console.log(
    [
      `${report.documents} documents annotated twice (${documentsAgreeNoEvent} with no event for both)`,
      `events: first ${report.events.first}, second ${report.events.second}, matched ${report.events.matched}`,
      `detection F1 ${pct(report.detectionF1)}, event_type F1 ${pct(report.eventTypeF1)}, sub_event_type F1 ${pct(report.subEventTypeF1)}`,
      `matched pairs: date ${pct(report.date)}, fatalities ${pct(report.fatalities)}, actor1 ${pct(report.actor1)}, actor2 ${pct(report.actor2)}, place within 25 km ${pct(report.placeWithin25km)}`,
      `not_events: first ${spansA}, second ${spansB}; ${overlapping} of the second's overlap one of the first's, ${sameReason} with the same reason`,
    ].join('\n'),
  );
}
