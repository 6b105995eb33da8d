/**
 * Agreement on claimants (eval/gold/README.md, "Claimants"): a second annotator's blind
 * `claimed_by` for a sample of events, against the first annotation in the gold files.
 *
 *   node --import tsx scripts/claimant-agreement.ts --second eval/gold/agreement/claimants-review.json \
 *     eval/gold/ant-conflict-dev.json eval/gold/ant-ms-batch-*.json [--json]
 *
 * Figures: whether the two agree that a source is named at all (share and Cohen's kappa); over
 * events both say have one, how often the second's first source would be scored right against
 * the first's (the harness's rule: spans overlap), and source-level overlap both ways; among
 * overlapping sources, the same organisation (both null, or names matching as actors do).
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { spansOverlap } from '../src/core/span.js';
import { loadClaimantReview, loadGold, type GoldEvent } from '../src/eval/gold.js';
import { actorMatches } from '../src/eval/actors.js';

type Source = NonNullable<GoldEvent['claimed_by']>[number];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { second: { type: 'string' }, json: { type: 'boolean', default: false } },
});
if (!values.second || positionals.length === 0) {
  console.error('usage: claimant-agreement.ts --second REVIEW.json GOLD.json [GOLD.json …] [--json]');
  process.exit(2);
}
// Keyed by the gold file's name too: one document id may appear in two gold files.
const first = new Map<string, Source[] | undefined>();
for (const path of positionals)
  for (const d of loadGold(path).documents)
    d.events.forEach((e, i) => first.set(`${basename(path)}:${d.doc}#${i}`, e.claimed_by));
const review = loadClaimantReview(values.second);

const sameOrganisation = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : actorMatches(a, { id: b, name: b });
let compared = 0;
let bothNamed = 0;
let bothNone = 0;
let firstOnly = 0;
let secondOnly = 0;
let firstSourceRight = 0;
let secondOverlapping = 0;
let secondSources = 0;
let firstOverlapped = 0;
let firstSources = 0;
let orgPairs = 0;
let orgSame = 0;
const missing: string[] = [];
for (const r of review.claimants) {
  const a = first.get(`${r.gold}:${r.doc}#${r.event}`);
  if (a === undefined) {
    missing.push(`${r.gold}:${r.doc}#${r.event}`);
    continue;
  }
  const b = r.claimed_by;
  compared++;
  if (a.length === 0 && b.length === 0) bothNone++;
  else if (a.length === 0) secondOnly++;
  else if (b.length === 0) firstOnly++;
  else {
    bothNamed++;
    if (a.some((s) => spansOverlap(s, b[0]))) firstSourceRight++;
    for (const s of b) {
      secondSources++;
      const match = a.find((t) => spansOverlap(s, t));
      if (match) {
        secondOverlapping++;
        orgPairs++;
        if (sameOrganisation(match.organisation, s.organisation)) orgSame++;
      }
    }
    for (const s of a) {
      firstSources++;
      if (b.some((t) => spansOverlap(s, t))) firstOverlapped++;
    }
  }
}
if (compared === 0) {
  console.error('no event of the review is annotated in the gold files given');
  process.exit(1);
}
// Cohen's kappa on "a source is named" (yes/no).
const po = (bothNamed + bothNone) / compared;
const aYes = (bothNamed + firstOnly) / compared;
const bYes = (bothNamed + secondOnly) / compared;
const pe = aYes * bYes + (1 - aYes) * (1 - bYes);
const kappa = pe === 1 ? 1 : (po - pe) / (1 - pe);
const figures = {
  compared,
  notAnnotatedInFirst: missing,
  namedOrNot: { bothNamed, bothNone, firstOnly, secondOnly, agreement: po, kappa },
  firstSourceScoredRight: { count: firstSourceRight, of: bothNamed },
  sourcesOfSecondOverlappingFirst: { count: secondOverlapping, of: secondSources },
  sourcesOfFirstOverlappedBySecond: { count: firstOverlapped, of: firstSources },
  sameOrganisation: { count: orgSame, of: orgPairs },
};
if (values.json) console.log(JSON.stringify(figures, null, 2));
else {
  const pct = (n: number, d: number) => `${n}/${d} (${d ? ((100 * n) / d).toFixed(1) : '-'}%)`;
  console.log(`events compared: ${compared}${missing.length ? ` (${missing.length} not annotated in the first)` : ''}`);
  console.log(
    `source named or not: agree ${pct(bothNamed + bothNone, compared)}, kappa ${kappa.toFixed(3)} ` +
      `(both named ${bothNamed}, both none ${bothNone}, first only ${firstOnly}, second only ${secondOnly})`,
  );
  console.log(`second's first source scored right against the first: ${pct(firstSourceRight, bothNamed)}`);
  console.log(`sources of the second overlapping one of the first: ${pct(secondOverlapping, secondSources)}`);
  console.log(`sources of the first overlapped by the second: ${pct(firstOverlapped, firstSources)}`);
  console.log(`same organisation, over overlapping sources: ${pct(orgSame, orgPairs)}`);
}
