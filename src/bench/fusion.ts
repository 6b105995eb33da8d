/**
 * `npm run bench -- fusion`: how fusion's cost grows with what is stored. Stores of 10k, 50k,
 * 100k and 200k articles are built from the ANT corpus, each story told by five near-copies (five
 * outlets reporting one day's news), in batches of 500 as `marsad ingest` writes them, each batch
 * fused as ingest fuses it. Printed: fusion's CPU time per 1,000 new articles at each size (the
 * target is flat, within 1.5×, from 10k to 200k) and the fusion time of the whole 50k build (the
 * target is under 10 s). CPU time, which other users of a shared machine do not inflate.
 *
 * The corpus is extracted once (the pipeline, as ingest runs it); a near-copy is a stored article
 * of its own (the text with an outlet's line added, so another id) with the original's events
 * under new ids, perturbed from a seeded generator as outlets differ: now and then another toll,
 * or actor 2 left unnamed. The growing store tells 2,000 stories (10,000 articles) per period of
 * dates, each period PERIOD_DAYS after the last, as a year of feeds does: a day's news keeps its
 * size. Then the 50k case: the whole corpus five times over, in its own dates.
 *
 * MARSAD_FUSION_SIZES (default 10000,50000,100000,200000) picks the sizes (the largest is built);
 * MARSAD_FUSION_STACKED=0 leaves out the 50k case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANT_CORPUS, sharedFile } from '../core/shared-data.js';
import type { ArticleInput } from '../core/article.js';
import type { EventRecord } from '../events/record.js';
import { toArticle } from '../app/analyze.js';
import { readInputs } from '../input/read.js';
import { inlineExtractor } from '../app/extractor.js';
import { SqliteRepository } from '../store/sqlite.js';
import { fusePending } from '../fusion/fuse.js';
import { cpuMs } from '../pipeline/cost-ratio.js';
import { seededRandom } from '../ner/tagger/random.js';
import type { Benchmark } from './benchmarks.js';

const COPIES = 5;
/** Articles per write-and-fuse batch, as `marsad ingest` (src/app/ingest.ts) batches them. */
const BATCH = 500;
/** Stories whose copies are interleaved: copy 1 of each, then copy 2 of each, and so on. */
const STORIES_PER_ROUND = 1_000;
/**
 * Days between periods, more than the corpus's span of dates (2013-2017), in whole weeks: the
 * stories of one period never fall in another's date windows.
 */
const PERIOD_DAYS = 6 * 52 * 7;
/** Stories per period as the store grows: 2,000 stories, 10,000 articles, a day's news the size of the corpus's. */
const SPREAD_STORIES = 2_000;
const SEED = 14;
const DEFAULT_SIZES = [10_000, 50_000, 100_000, 200_000];

export interface Story {
  input: ArticleInput;
  events: EventRecord[];
}

/** The corpus, read as `marsad ingest` reads it, and its events, in a seeded shuffle (the file is ordered by category). */
export async function extractedCorpus(): Promise<Story[]> {
  const inputs: ArticleInput[] = [];
  for await (const item of readInputs([sharedFile(...ANT_CORPUS)!], { fieldMap: { published: 'published_raw' } })) {
    if (item.kind === 'article') inputs.push(item.article);
  }
  const outcomes = await inlineExtractor().extract(inputs.map(toArticle));
  const stories = inputs.map((input, i) => {
    const outcome = outcomes[i];
    return { input, events: 'events' in outcome ? outcome.events : [] };
  });
  const rand = seededRandom(SEED);
  for (let i = stories.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [stories[i], stories[j]] = [stories[j], stories[i]];
  }
  return stories;
}

function shiftDate(date: string | null, days: number): string | null {
  if (!date || days === 0) return date;
  const shifted = new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

/** Copy `copy` of story `k`: its own article, the story's events under new ids, a little changed. */
function nearCopy(
  stories: Story[],
  k: number,
  copy: number,
  storiesPerPeriod: number,
  periodDays: number,
): { id: string; input: ArticleInput; events: EventRecord[] } {
  const story = stories[k % stories.length];
  const period = Math.floor(k / storiesPerPeriod);
  const shift = period * periodDays;
  const outlet = `outlet ${copy + 1}`;
  const input: ArticleInput = {
    ...story.input,
    text: `${story.input.text}\n\n${outlet}, ${Math.floor(k / stories.length)}`,
    published: shiftDate(story.input.published, shift),
    origin: { ...story.input.origin, source: outlet },
  };
  const id = toArticle(input).id;
  const rand = seededRandom(SEED * 1_000_003 + k * COPIES + copy);
  const events = story.events.map((e) => {
    const perturbed: EventRecord = {
      ...e,
      id: createHash('sha256').update(`${id}:${e.id}`).digest('hex').slice(0, 16),
      date: shiftDate(e.date, shift),
    };
    if (copy === 0) return perturbed;
    const roll = rand();
    if (roll < 0.2) perturbed.fatalities = e.fatalities + 1 + Math.floor(rand() * 3);
    else if (roll < 0.3) perturbed.actor2 = null;
    return perturbed;
  });
  return { id, input, events };
}

/**
 * The `n`th article stored: rounds of STORIES_PER_ROUND stories, copy by copy; the dates of each
 * period of `storiesPerPeriod` stories `periodDays` after the last's.
 */
export function nthArticleFor(stories: Story[], n: number, storiesPerPeriod: number, periodDays = PERIOD_DAYS) {
  const round = Math.floor(n / (STORIES_PER_ROUND * COPIES));
  const within = n % (STORIES_PER_ROUND * COPIES);
  const copy = Math.floor(within / STORIES_PER_ROUND);
  return nearCopy(
    stories,
    round * STORIES_PER_ROUND + (within % STORIES_PER_ROUND),
    copy,
    storiesPerPeriod,
    periodDays,
  );
}

export interface FusionScalePoint {
  articles: number;
  /** Fusion's CPU ms per 1,000 new articles over the last round (5,000 articles) before this size. */
  msPer1000: number;
  /** Fusion's CPU seconds for every batch up to this size. */
  totalSeconds: number;
  buildSeconds: number;
  events: number;
  fused: number;
}

/**
 * Builds one store up to the largest size, fusing each batch; a point at each size. Stories are
 * `storiesPerPeriod` to a period of dates: SPREAD_STORIES for a store that grows over time, the
 * whole corpus for the 50k case (all copies of the corpus in its own dates).
 */
export async function measureFusionScale(
  stories: Story[],
  sizes: number[],
  storiesPerPeriod: number,
  onPoint?: (p: FusionScalePoint) => void,
): Promise<FusionScalePoint[]> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-fusion-'));
  const repo = new SqliteRepository(join(dir, 'fusion.db'));
  const points: FusionScalePoint[] = [];
  try {
    const started = performance.now();
    const recent: number[] = [];
    let total = 0;
    const largest = Math.max(...sizes);
    for (let n = 0; n < largest; n += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, largest - n) }, (_, i) =>
        nthArticleFor(stories, n + i, storiesPerPeriod),
      );
      await repo.transaction(async () => {
        for (const a of batch) {
          if ((await repo.upsertArticle(a.id, a.input)) === 'new') await repo.replaceEvents(a.id, a.events);
        }
      });
      const before = cpuMs();
      await fusePending(repo);
      const ms = cpuMs() - before;
      total += ms;
      recent.push(ms);
      if (recent.length > (STORIES_PER_ROUND * COPIES) / BATCH) recent.shift();
      const size = n + batch.length;
      if (sizes.includes(size)) {
        const point = {
          articles: size,
          msPer1000: (recent.reduce((a, b) => a + b, 0) / (recent.length * BATCH)) * 1000,
          totalSeconds: total / 1000,
          buildSeconds: (performance.now() - started) / 1000,
          events: (await repo.stats()).events,
          fused: await repo.countFusedEvents(),
        };
        points.push(point);
        onPoint?.(point);
      }
    }
    return points;
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function sizesWanted(): number[] {
  const raw = process.env.MARSAD_FUSION_SIZES;
  if (!raw) return DEFAULT_SIZES;
  const sizes = raw.split(',').map((s) => Number(s.trim()));
  if (sizes.some((s) => !Number.isInteger(s) || s <= 0 || s % BATCH !== 0)) {
    throw new Error(`MARSAD_FUSION_SIZES: expected multiples of ${BATCH} separated by commas, got "${raw}"`);
  }
  return sizes;
}

const STACKED_SIZE = 50_000;

export const fusionScaleBenchmark: Benchmark = {
  name: 'fusion at 10k-200k stored articles, five near-copies per story (MARSAD_FUSION_SIZES, MARSAD_FUSION_STACKED=0)',
  skipReason: () =>
    sharedFile(...ANT_CORPUS) ? null : `../shared/${ANT_CORPUS.join('/')} is absent (a fresh clone has no datasets)`,
  async run() {
    const sizes = sizesWanted();
    const stories = await extractedCorpus();
    const progress = (p: FusionScalePoint) =>
      process.stderr.write(`  ${p.articles} articles built in ${p.buildSeconds.toFixed(0)} s\n`);
    const points = await measureFusionScale(stories, sizes, SPREAD_STORIES, progress);
    const lines = [
      `a store growing over time (${SPREAD_STORIES * COPIES} articles a period of ${PERIOD_DAYS} days), batches of ${BATCH}:`,
      ...points.map(
        (p) =>
          `  ${p.articles} articles (${p.events} events, ${p.fused} fused): fusion ${p.msPer1000.toFixed(0)} ms CPU per 1,000 new articles; ` +
          `${p.totalSeconds.toFixed(1)} s CPU fusing every batch so far; built in ${p.buildSeconds.toFixed(0)} s`,
      ),
    ];
    const first = points[0];
    const last = points[points.length - 1];
    if (points.length > 1)
      lines.push(
        `  per 1,000 new articles, ${last.articles} against ${first.articles}: ×${(last.msPer1000 / first.msPer1000).toFixed(2)} (target ≤ 1.5)`,
      );
    if (process.env.MARSAD_FUSION_STACKED !== '0') {
      const [stacked] = await measureFusionScale(stories, [STACKED_SIZE], stories.length, progress);
      lines.push(
        `the corpus five times in its own dates (${stacked.articles} articles, ${stacked.events} events, ${stacked.fused} fused): ` +
          `fusion ${stacked.totalSeconds.toFixed(1)} s CPU in all (target < 10 s), ${stacked.msPer1000.toFixed(0)} ms per 1,000 at the end`,
      );
    }
    lines.push(`peak memory (max RSS of this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    return lines;
  },
};
