/**
 * `npm run bench -- scaling`: how each stage's time grows with the text, as time(2n)/time(n)
 * (about 2 when linear, 4 when quadratic), on hostile inputs (target at most 2.5) and on real
 * articles from 50 KB to 3.2 MB (target at most 2.3), and the whole pipeline's seconds on long
 * texts. Times are CPU time, which other users of a shared machine do not inflate. Beside them,
 * the figures measured before the work of issue 15 (BEFORE, commit f11efb5).
 *
 * MARSAD_SCALING_MAX_MB lowers the largest real text (default 3.2); MARSAD_SCALING_PARTS picks
 * parts (hostile, markup, real, pipeline); MARSAD_SCALING_CAP_S caps a run's repeats.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ANT_CORPUS, sharedFile } from '../core/shared-data.js';
import { createDoc } from '../pipeline/pipeline.js';
import { loadPipelineContext } from '../pipeline/context.js';
import { STAGES, type PipelineContext } from '../pipeline/stages.js';
import { articleOf, cpuMs, minTime, stageTimes } from '../pipeline/cost-ratio.js';
import { ADVERSARIAL_MARKUP, ADVERSARIAL_TEXTS, REPORT_SENTENCE, repeatTo } from '../pipeline/adversarial.js';
import { htmlToText } from '../input/html-text.js';
import { parseTrec } from '../input/formats/trec.js';
import { parseFeed } from '../input/formats/feed.js';
import type { Benchmark } from './benchmarks.js';

/** Characters of each hostile text at n (the ratio compares 2n with it). */
const ADVERSARIAL_N = 256_000;
/** Real text sizes, in MB of UTF-8. */
const REAL_SIZES_MB = [0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2];
const PIPELINE_SIZES_MB = [0.5, 1, 2];
/** Passes over the real texts; each stage keeps its fastest run of each size. */
const REAL_PASSES = 8;
/** A real-text ratio from under this many ms is shown but not counted in the worst. */
const REAL_FLOOR_MS = 20;
const REPEATED_ARTICLE_MB = 1.4;

/**
 * Measured before the work, at commit f11efb5, with this benchmark (CPU time, n = 64,000 for the
 * hostile texts, a cap of 30 s on a run), and the probe's wall-clock seconds of issue 15.
 */
const BEFORE: {
  adversarialWorst: Record<string, string>;
  real: Record<string, string>;
  pipeline: Record<string, string>;
  markup: string;
} = {
  /** Highest ratio over the hostile texts, per stage, and the input that gave it. */
  adversarialWorst: {
    sentences: '3.94 (nested quotes)',
    tokens: '2.1',
    numbers: '2.3',
    temporals: 'RangeError: stack overflow (day lists)',
    triggers: '2.4',
    entities: 'TypeError (title words); 3.9 (number words)',
    events: '3.95 (nested quotes), 3.94 (quoted words), 3.91 (trigger words)',
  },
  /** Real text (the same shuffled articles): seconds at 3.2 MB, and the worst ratio. */
  real: {
    sentences: '0.03 s (2.0)',
    tokens: '0.26 s (2.47)',
    numbers: '0.18 s (2.49)',
    temporals: '0.08 s (2.0)',
    triggers: '0.36 s (2.55)',
    entities: '2.86 s (2.62)',
    events: '6.45 s (4.62)',
    pipeline: '10.22 s, the stages summed (its ratio was not measured)',
  },
  /** CPU seconds with this benchmark; in brackets the probe's wall-clock seconds. */
  pipeline: {
    '0.5 MB real': '0.53 s (probe: 2.2 s)',
    '1 MB real': '1.14 s',
    '2 MB real': '4.37 s (probe: 14.4 s)',
    '1.4 MB repeated sentence': '23.72 s (probe: 292 s)',
  },
  /** The markup readers at n = 50,000: ratio, and seconds at 2n. */
  markup: 'htmlToText 4.0 on every unclosed run (6.36 s for 100,000 characters of "<p"); parseTrec 4.0 on <DOC> runs',
};

const CorpusLine = z.object({ text: z.string() });

function corpusTexts(): string[] {
  return readFileSync(sharedFile(...ANT_CORPUS)!, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => CorpusLine.parse(JSON.parse(line)).text);
}

/**
 * The corpus's articles in a fixed shuffled order: the file runs by section (culture first,
 * international news later), so its first megabytes tell of less fighting than the next, and a
 * prefix twice as long is not the same kind of text twice over.
 */
function shuffled(texts: string[]): string[] {
  const out = texts.slice();
  let seed = 15;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Articles, one per line, until the text holds `mb` MB of UTF-8. */
function realText(texts: string[], mb: number): string {
  const parts: string[] = [];
  let bytes = 0;
  for (const t of texts) {
    if (bytes >= mb * 1e6) break;
    parts.push(t);
    bytes += Buffer.byteLength(t) + 1;
  }
  return parts.join('\n');
}

/** A run longer than this is not repeated (nor is the next size tried for a ratio). */
const CAP_MS = Number(process.env.MARSAD_SCALING_CAP_S ?? 120) * 1000;

/** Runs of each hostile text at n and 2n, interleaved; each stage keeps its fastest. */
const HOSTILE_PASSES = 5;
/** A hostile-text ratio from under this many ms at n is shown (~) but not counted in the worst. */
const HOSTILE_FLOOR_MS = 20;

/** The real-text table's column for the whole pipeline. */
const WHOLE = 'pipeline';

/** A run's stage times with their sum under WHOLE (absent when a stage failed). */
function withWhole(times: Map<string, number | string>): Map<string, number | string> {
  const values = [...times.values()].filter((ms) => typeof ms === 'number');
  if (values.length === STAGES.length)
    times.set(
      WHOLE,
      values.reduce((sum, ms) => sum + ms, 0),
    );
  return times;
}

/** Keeps in `into` each stage's fastest time so far (or the error it threw). */
function keepFastest(into: Map<string, number | string>, times: Map<string, number | string>): void {
  for (const [stage, ms] of times) {
    const best = into.get(stage);
    into.set(stage, typeof ms === 'number' && typeof best !== 'string' ? Math.min(ms, best ?? ms) : ms);
  }
}

/** Characters of each hostile markup input at n. */
const READER_N = 50_000;

/** The fastest of three runs, or the only one when it took over a second (a quadratic reader). */
function quickest(work: () => void): number {
  const once = minTime(work, 1);
  return once > 1000 ? once : Math.min(once, minTime(work, 2));
}

function pipelineSeconds(text: string, context: PipelineContext): string {
  const started = cpuMs();
  let doc = createDoc(articleOf(text));
  try {
    for (const stage of STAGES) doc = stage.run(doc, context);
  } catch (e) {
    return e instanceof Error ? e.name : 'error';
  }
  return `${((cpuMs() - started) / 1000).toFixed(2)} s`;
}

const pad = (s: string, n: number) => s.padEnd(n);
const ratio = (a: number, b: number) => (b / Math.max(a, 0.05)).toFixed(2);

export const scalingBenchmark: Benchmark = {
  name: 'scaling: time(2n)/time(n) per stage on hostile and real text, and long texts end to end',
  skipReason: () =>
    sharedFile(...ANT_CORPUS) ? null : `../shared/${ANT_CORPUS.join('/')} is absent (a fresh clone has no datasets)`,
  run() {
    // A long run: each line is printed as soon as it is measured, not at the end.
    const lines = { push: (...text: string[]) => text.forEach((t) => process.stdout.write(`${t}\n`)) };
    const context = loadPipelineContext();
    const names = STAGES.map((s) => s.name);
    const maxMb = Number(process.env.MARSAD_SCALING_MAX_MB ?? 3.2);
    const parts = (process.env.MARSAD_SCALING_PARTS ?? 'hostile,markup,real,pipeline').split(',');

    if (parts.includes('hostile')) {
      // Hostile texts: every stage, n and 2n characters.
      lines.push(
        `hostile texts, time(2n)/time(n) with n = ${ADVERSARIAL_N} characters (fastest of ${HOSTILE_PASSES} interleaved runs; ~: under ${HOSTILE_FLOOR_MS} ms at n, noise, not counted):`,
      );
      lines.push(`${pad('input', 24)}${names.map((n) => pad(n, 11)).join('')}`);
      const worst = new Map<string, { ratio: number; input: string }>();
      for (const input of ADVERSARIAL_TEXTS) {
        const small = input.make(ADVERSARIAL_N);
        const large = input.make(2 * ADVERSARIAL_N);
        stageTimes(small, context, 1, CAP_MS); // compiled and warm before anything counts
        const atN = new Map<string, number | string>();
        const at2N = new Map<string, number | string>();
        for (let pass = 0; pass < HOSTILE_PASSES; pass++) {
          keepFastest(atN, stageTimes(small, context, 1, CAP_MS));
          keepFastest(at2N, stageTimes(large, context, 1, CAP_MS));
        }
        const cells = names.map((name) => {
          const a = atN.get(name);
          const b = at2N.get(name);
          if (typeof a === 'string' || typeof b === 'string') return pad(String(a ?? b), 11);
          if (a === undefined || b === undefined) return pad('?', 11);
          // Under a millisecond at 2n there is nothing to grow.
          if (b < 1) return pad('-', 11);
          if (a < HOSTILE_FLOOR_MS) return pad(`~${ratio(a, b)}`, 11);
          const r = b / a;
          if (r > (worst.get(name)?.ratio ?? 0)) worst.set(name, { ratio: r, input: input.name });
          return pad(ratio(a, b), 11);
        });
        lines.push(`${pad(input.name, 24)}${cells.join('')}`);
      }
      lines.push('worst per stage, now | before:');
      for (const name of names) {
        const w = worst.get(name);
        lines.push(
          `  ${pad(name, 10)} ${pad(w ? `${w.ratio.toFixed(2)} (${w.input})` : '-', 34)} | ${BEFORE.adversarialWorst[name] ?? '-'}`,
        );
      }
    }
    if (parts.includes('markup')) {
      // Markup readers.
      lines.push('', `hostile markup, time(2n)/time(n) with n = ${READER_N} characters, and the time at 2n:`);
      const readers: [string, (s: string) => unknown][] = [
        ['htmlToText', htmlToText],
        ['parseTrec', (s) => parseTrec(s, 'bench.trec')],
      ];
      for (const input of ADVERSARIAL_MARKUP) {
        const small = input.make(READER_N);
        const large = input.make(2 * READER_N);
        const cells = readers.map(([name, read]) => {
          quickest(() => read(small)); // warm
          const a = quickest(() => read(small));
          const b = quickest(() => read(large));
          return `${name} ${b < 1 ? '-' : `${ratio(a, b)} (${(b / 1000).toFixed(2)} s)`}`;
        });
        lines.push(`  ${pad(input.name, 24)}${cells.join('   ')}`);
      }
      const feed = (items: number) =>
        `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${'<item><title>عنوان</title><description>قصف</description></item>\n'.repeat(items)}</channel></rss>`;
      const [feedSmall, feedLarge] = [feed(20_000), feed(40_000)];
      const feedN = quickest(() => parseFeed(feedSmall, 'bench.xml'));
      const feed2N = quickest(() => parseFeed(feedLarge, 'bench.xml'));
      lines.push(`  ${pad('RSS items (20,000)', 24)}parseFeed ${ratio(feedN, feed2N)}`);
      lines.push(`  before: ${BEFORE.markup}`);
    }
    if (parts.includes('real')) {
      // Real text: per stage, each size against the one before.
      const texts = shuffled(corpusTexts());
      const sizes = REAL_SIZES_MB.filter((mb) => mb <= maxMb);
      lines.push(
        '',
        'real text (ANT articles in a fixed shuffled order, concatenated), per stage: seconds, and the ratio to the size before:',
      );
      // The last column is the whole pipeline (one pass's stages summed): one article's cost.
      const columns = [...names, WHOLE];
      lines.push(`${pad('MB', 6)}${columns.map((n) => pad(n, 16)).join('')}`);
      // Passes over every size, keeping each stage's fastest: a busy spell of the machine then
      // falls on one run of a size, not on all of them.
      const inputs = sizes.map((mb) => realText(texts, mb));
      const fastestAt = sizes.map(() => new Map<string, number | string>());
      stageTimes(inputs[0], context, 1, CAP_MS); // warm
      for (let pass = 0; pass < REAL_PASSES; pass++)
        inputs.forEach((text, k) => keepFastest(fastestAt[k], withWhole(stageTimes(text, context, 1, CAP_MS))));
      const worstReal = new Map<string, number>();
      sizes.forEach((mb, k) => {
        const cells = columns.map((name) => {
          const ms = fastestAt[k].get(name);
          if (typeof ms !== 'number') return pad(String(ms ?? '?'), 16);
          const before = k > 0 ? fastestAt[k - 1].get(name) : undefined;
          const r = typeof before === 'number' ? ms / before : null;
          // Below REAL_FLOOR_MS a ratio is timer noise: shown, marked ~, not counted.
          const noise = typeof before === 'number' && before < REAL_FLOOR_MS;
          if (r !== null && !noise) worstReal.set(name, Math.max(worstReal.get(name) ?? 0, r));
          return pad(`${(ms / 1000).toFixed(2)}${r === null ? '' : ` (${noise ? '~' : ''}${r.toFixed(2)})`}`, 16);
        });
        lines.push(`${pad(String(mb), 6)}${cells.join('')}`);
      });
      lines.push('worst ratio per stage, now | before (seconds at 3.2 MB, worst ratio):');
      for (const name of columns)
        lines.push(`  ${pad(name, 10)} ${pad((worstReal.get(name) ?? 0).toFixed(2), 8)} | ${BEFORE.real[name] ?? '-'}`);
    }
    if (parts.includes('pipeline')) {
      // The whole pipeline on long texts.
      // The probe's texts: the corpus's first megabytes, as the file has them.
      const texts = corpusTexts();
      lines.push('', 'whole pipeline (the corpus from its start), CPU seconds, now | before:');
      const long: [string, string][] = [
        ...PIPELINE_SIZES_MB.filter((mb) => mb <= maxMb).map((mb): [string, string] => [
          `${mb} MB real`,
          realText(texts, mb),
        ]),
        [
          `${REPEATED_ARTICLE_MB} MB repeated sentence`,
          repeatTo(
            REPORT_SENTENCE,
            (REPEATED_ARTICLE_MB * 1e6 * REPORT_SENTENCE.length) / Buffer.byteLength(REPORT_SENTENCE),
          ),
        ],
      ];
      for (const [label, text] of long) {
        lines.push(`  ${pad(label, 28)} ${pad(pipelineSeconds(text, context), 10)} | ${BEFORE.pipeline[label] ?? '-'}`);
      }
    }
    return [];
  },
};
