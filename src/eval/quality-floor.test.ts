/**
 * The quality floor: event detection on the fixed test portion of the multi-source gold (never
 * used to write a rule or train a model) must not fall below what the extractor reached, so a
 * later change cannot silently undo it. Raise the floors when the figures rise; never lower them
 * without saying why in the commit. Skips when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { packagePath } from '../core/paths.js';
import { sharedFile, ANT_MULTISOURCE_CORPUS } from '../core/shared-data.js';
import { loadPipelineContext } from '../pipeline/context.js';
import { loadGold, mergeGold, selectSplit } from './gold.js';
import { countDuplicates } from './duplicates.js';
import { evaluateGold, pipelinePredictor } from './harness.js';

/**
 * Last measured on 2026-12-06 (fifth session, last commit), after its toll and actor rules and the
 * models' weights averaged over five shuffled orders: P 0.717, R 0.717, F1 0.717 (43 of 60), 5
 * duplicates, claimed_by 27 of 35. The floors stand, with no event of slack: seed offsets 0, 1 and
 * 2 kept 59, 60 and 62 events (60, 61 and 61 with one order).
 * Before, on 2026-12-06 (fourth session, last commit), after the review's mends (a shared
 * army word is nobody's only when several countries' forces share it, a lone "من جهة أخرى" is no
 * second side, a lead "since" a day recalls nothing) and the models retrained: P 0.717, R 0.717,
 * F1 0.717 (43 of 60), 4 duplicates, claimed_by 27 of 35. The floors stand, with no event of
 * slack: the training seed alone moves the test portion by about two events (seeds 7, 8, 9 kept
 * 59, 61, 61 events at the commit before).
 * Before, on 2026-12-06 (fourth session), after the judge's and coreference's thresholds
 * became fixed by what their errors cost (2/3 each) instead of the middle of F0.5's plateau, which
 * a few aliases (the bare "الجيش" of twelve theatres' armies) had moved to 0.70 and 0.52 (test
 * P 0.769 R 0.667 with them): P 0.729, R 0.717, F1 0.723 (43 of 59), 5 duplicates, no event in
 * the non-conflict articles. Before, with the plateau's 0.645 and 0.672: P 0.703, R 0.750, F1
 * 0.726 (45 of 64), 6 duplicates. The precision and F1 floors rise to that, less one true event;
 * recall stands on its floor.
 * Before, on 2026-12-06 (third session), after the actor rules of issue 12 (a claim of
 * responsibility, fire from a group's positions, a claimant telling of its own act, the author
 * after an attack noun, a government's forces, unidentified attackers of strikes and clashes),
 * quoted titles and "responsibility of X for" left out, and every event model retrained on them:
 * P 0.698, R 0.733, F1 0.715 (44 of 63), 7 duplicates, no event in the non-conflict articles.
 * Floors raised to that, less one true event (P 0.683 R 0.717 F1 0.699).
 * Before, on 2026-12-06 (second session), after coreference stopped merging the places one
 * word lists: P 0.689, R 0.700, F1 0.694 (42 of 61), 7 duplicates, no event in the non-conflict
 * articles. Floors raised to that, less one true event (P 0.672 R 0.683 F1 0.678).
 * Before, on 2026-12-06, after one event per place listed, protests turned riots merged,
 * troops moving up folded into their battle, the glued ب, the Syrian airbases and every model
 * retrained on them, and no coreference across two countries and days: P 0.683, R 0.683, F1 0.683
 * (41 of 60), 7 duplicates, no event in the non-conflict articles. The floors stand (one true
 * event fewer gives P 0.667 R 0.667).
 * Before, on 2026-12-05 (third session), after the place rules of issue 11 (place
 * references, bare countries, a village with its city), the press spellings and the place-word
 * table's fixes, and every model retrained on them: P 0.661, R 0.683, F1 0.672 (41 of 62), 7
 * duplicates, no event in the non-conflict articles. The recall floor rises to 0.66 (one event's
 * slack); precision stands on its floor with no slack (the retrained judge keeps one more true
 * and three more false events than the stale one, which gave P 0.690 R 0.667 on the new places).
 * Before, on 2026-12-05 (second session), after the triggers for opened fire, exploded
 * bombs, passive assassinations and aircraft as the subject of a strike verb, every event model
 * retrained and the judge's threshold chosen over three fold splits: P 0.678, R 0.667, F1 0.672
 * (40 of 59), 6 duplicates, no event in the non-conflict articles. Floors raised to that, less
 * one event.
 * Before, after the actor rules for nationality adjectives
 * and condemners and a coreference model that no longer scores an article's pairs as if drawn
 * from eval/labels' many-event articles (it had merged two one-line reports of a digest, a
 * shelling and a protest in one city): P 0.667, R 0.633, F1 0.650 (38 of 57), 6 duplicates; the
 * precision floor follows by 0.01 (two more events kept apart, none of them a true positive).
 * Before, the same day (87 test documents, 60 gold events): P 0.691, R 0.633,
 * F1 0.661 (38 of 55 predicted), 6 duplicates, no event in the 21 sport, economy, culture and
 * technology articles: the judge retrained with the 4,849 labelled candidates, its threshold
 * chosen for F0.5 (a false event costs more than a missed one), coreference learned from the
 * occurrences of eval/labels. The recall floor falls from 0.73 to 0.61 for that trade: with the
 * F1 threshold the same models gave P 0.577 R 0.750 F1 0.652 (8 duplicates), and the held-out
 * candidates of eval/labels' test split (282 articles) agree (kept P 0.565 R 0.532 with F1's
 * threshold, P 0.695 R 0.394 with F0.5's; P 0.664 R 0.433 before this session).
 * Before: P 0.584, R 0.750, F1 0.657 (45 of 77, 14 duplicates), after the candidate judge was
 * retrained with the 3,218 labelled candidates of eval/labels beside the gold. Before that
 * (2026-12-04): P 0.412, R 0.783, F1 0.540, 24 duplicates. The floors leave one event's slack.
 */
const FLOOR = { precision: 0.71, recall: 0.71, f1: 0.7 };
/** One occurrence told twice and output twice (src/eval/duplicates.ts): 5 at the last measure (6, 7, 6, 14, 24 before); one of slack. */
const MAX_DUPLICATES = 6;
/**
 * claimed_by right for matched events whose gold names a source: 27 of 35 (77.1%) on 2026-12-06
 * (fourth session, with the costs' thresholds); 29 of 36 (80.6%) before (third session, with the
 * retrained models); 27 of 34 (79.4%) before that,
 * after a lead in the outlet's voice took the source of the sentence right after it. Before:
 * 25 of 34 with the claimant rules of that day, 25 of 34 with the rules as they were once the gold
 * listed each source's other mentions, 20 of 34 before it did. Floor: 0.77 since the third session (one
 * event of slack then, none now).
 */
const MIN_CLAIMANT_RIGHT = 0.77;
/** Events output per 100 test articles of sport, economy, culture and technology sections: 0 at the last measure (4.8 before); the bound. */
const MAX_NON_CONFLICT_PER_100 = 5;

const skip = sharedFile(...ANT_MULTISOURCE_CORPUS) ? false : '../shared/datasets/ant-multisource is absent';

test('event detection on the test portion stays above its floor', { skip }, async () => {
  const dir = packagePath('eval', 'gold');
  const files = readdirSync(dir)
    .filter((f) => /^ant-ms-batch-\d+\.json$/.test(f))
    .map((f) => `${dir}/${f}`);
  const gold = selectSplit(mergeGold(files.map((path) => ({ path, file: loadGold(path) }))), 'test');
  assert.ok(gold.documents.length >= 60, `${gold.documents.length} test documents`);
  const run = await evaluateGold(gold, 'test portion', pipelinePredictor(loadPipelineContext({ withTagger: false })));
  const d = run.report.scores.detection;
  const figures = `P ${d.precision.toFixed(3)} R ${d.recall.toFixed(3)} F1 ${d.f1.toFixed(3)}`;
  assert.ok(d.precision >= FLOOR.precision, `precision fell: ${figures}`);
  assert.ok(d.recall >= FLOOR.recall, `recall fell: ${figures}`);
  assert.ok(d.f1 >= FLOOR.f1, `F1 fell: ${figures}`);

  const claimants = run.report.scores.claimedBy.right;
  assert.ok(
    (claimants.share ?? 0) >= MIN_CLAIMANT_RIGHT,
    `claimed_by right for ${claimants.count} of ${claimants.total} events whose gold names a source`,
  );

  const duplicates = run.documents.reduce((n, x) => n + countDuplicates(x.gold.events, x.predicted), 0);
  assert.ok(duplicates <= MAX_DUPLICATES, `${duplicates} events repeat a gold event another one matched`);

  const other = run.documents.filter((x) => /^[A-Z]{2}-(sport|economy|culture|technology)-/.test(x.gold.doc));
  const perHundred = (100 * other.reduce((n, x) => n + x.predicted.length, 0)) / Math.max(1, other.length);
  assert.ok(perHundred <= MAX_NON_CONFLICT_PER_100, `${perHundred.toFixed(1)} events per 100 non-conflict articles`);
});
