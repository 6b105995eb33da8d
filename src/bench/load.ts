/**
 * Start-up costs, formerly timed inside tests (a shared machine made those flaky): loading the
 * gazetteer and the committed NER model, reading the ANT corpus through readInputs (JSON
 * lines, every date parsed), and a cold `marsad extract` of one article with the pipeline's
 * resident memory, every theatre loaded. Each figure is printed beside its budget.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ANT_CORPUS, sharedFile } from '../core/shared-data.js';
import { loadGazetteer } from '../knowledge/places.js';
import { loadNerModel } from '../ner/tagger/index.js';
import { readInputs } from '../input/read.js';
import { usableSnapshot } from '../cli/startup-snapshot.js';
import type { Benchmark } from './benchmarks.js';

function millisecondsOf(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

export const knowledgeLoadBenchmark: Benchmark = {
  name: 'loading the gazetteer and the committed NER model (first load, nothing cached)',
  run() {
    const gazetteerMs = millisecondsOf(() => loadGazetteer());
    const modelMs = millisecondsOf(() => loadNerModel());
    return [
      `gazetteer: ${gazetteerMs.toFixed(0)} ms (budget 300 ms)`,
      `NER model: ${modelMs.toFixed(0)} ms (budget 1500 ms)`,
    ];
  },
};

const COLD_RUNS = 3;
const ProbeOutput = z.object({ loadedMs: z.number(), rssMb: z.number() });

/** Wall time of a command run in a new process, in ms. */
function coldMs(args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; stdout: string } {
  const started = performance.now();
  const stdout = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
  return { ms: performance.now() - started, stdout };
}

export const startupBenchmark: Benchmark = {
  name: `a cold \`marsad extract\` of one article, and the pipeline's resident memory with every theatre loaded (best of ${COLD_RUNS} new processes)`,
  run() {
    const bin = fileURLToPath(new URL('../../bin/marsad.js', import.meta.url));
    const probe = fileURLToPath(new URL('./pipeline-probe.js', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
    try {
      const article = join(dir, 'one.txt');
      writeFileSync(article, 'قتل ثلاثة مدنيين في قصف على بلدة كفرنبل جنوب إدلب أمس.\n');
      const runs = (env?: NodeJS.ProcessEnv) =>
        Array.from({ length: COLD_RUNS }, () => coldMs([bin, 'extract', article], env).ms);
      const snapshot = usableSnapshot(['node', bin, 'extract']) !== null;
      const extract = runs();
      const loading = runs({ ...process.env, MARSAD_SNAPSHOT: 'off' });
      const probes = Array.from({ length: COLD_RUNS }, () => ProbeOutput.parse(JSON.parse(coldMs([probe]).stdout)));
      const figures = (ms: number[]) =>
        `${Math.min(...ms).toFixed(0)} ms (budget 1500 ms; runs ${ms.map((m) => m.toFixed(0)).join(', ')})`;
      return [
        snapshot
          ? `marsad extract, one article, cold, from the startup snapshot (as installed): ${figures(extract)}`
          : `marsad extract, one article, cold: no current startup snapshot (npm run build makes it): ${figures(extract)}`,
        `marsad extract, one article, cold, loading the packs (MARSAD_SNAPSHOT=off): ${figures(loading)}`,
        `pipeline loaded: ${Math.min(...probes.map((p) => p.loadedMs)).toFixed(0)} ms; resident memory after one article: ${Math.max(...probes.map((p) => p.rssMb)).toFixed(0)} MB (budget 400 MB)`,
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const corpusReadBenchmark: Benchmark = {
  name: 'reading the ANT corpus through readInputs (JSON lines, dates parsed), nothing stored',
  skipReason: () =>
    sharedFile(...ANT_CORPUS) ? null : `../shared/${ANT_CORPUS.join('/')} is absent (a fresh clone has no datasets)`,
  async run() {
    const started = performance.now();
    let articles = 0;
    for await (const item of readInputs([sharedFile(...ANT_CORPUS)!], { fieldMap: { published: 'published_raw' } }))
      if (item.kind === 'article') articles++;
    const seconds = (performance.now() - started) / 1000;
    return [
      `${articles} articles in ${seconds.toFixed(2)} s (budget 5 s): ${Math.round(articles / seconds)} articles/s`,
    ];
  },
};
