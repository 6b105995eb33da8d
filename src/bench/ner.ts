/**
 * NER tagger speed: load time of the committed model and tokens per second tagging the last 15 %
 * of ANERcorp's training file (the held-out part used by scripts/train-ner.ts --tail) on one core.
 * Targets: load under 300 ms, at least 50,000 tokens/s of CPU time. The text is tagged twice: first
 * with most words new to the tagger's caches, then again as a long-running service would meet them.
 * NER_BENCH_MODEL=path benchmarks another model file.
 */
import { readFileSync } from 'node:fs';
import { sharedFile } from '../core/shared-data.js';
import { parseConll, scoreEntities } from '../ner/conll.js';
import { loadNerModel, tagSentences } from '../ner/tagger/index.js';
import type { Benchmark } from './benchmarks.js';

const ANERCORP_TRAIN = ['datasets', 'anercorp', 'train.txt'];
const TAIL_SHARE = 0.15;

export const nerBenchmark: Benchmark = {
  name: 'NER tagger: model load and tagging speed on the ANERcorp tail',
  skipReason: () =>
    sharedFile(...ANERCORP_TRAIN)
      ? null
      : `../shared/${ANERCORP_TRAIN.join('/')} is absent (a fresh clone has no datasets)`,
  run() {
    const parsed = parseConll(readFileSync(sharedFile(...ANERCORP_TRAIN)!, 'utf8'));
    const tail = parsed.slice(Math.floor(parsed.length * (1 - TAIL_SHARE)));
    const sentences = tail.map((s) => s.tokens);
    const tokens = sentences.reduce((n, s) => n + s.length, 0);
    const loadStarted = performance.now();
    const model = loadNerModel(process.env.NER_BENCH_MODEL);
    const loadMs = performance.now() - loadStarted;
    tagSentences(model, sentences.slice(0, 50)); // warm up
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const predicted = tagSentences(model, sentences);
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = (performance.now() - started) / 1000;
    // CPU time as well: on a shared machine the wall clock also counts other people's work.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const againStarted = performance.now();
    const againCpuBefore = process.cpuUsage();
    tagSentences(model, sentences);
    const againCpu = process.cpuUsage(againCpuBefore);
    const againSeconds = (performance.now() - againStarted) / 1000;
    const againCpuSeconds = (againCpu.user + againCpu.system) / 1e6;
    // The committed model was trained on this text too, so the F1 only shows the run is sane.
    const f1 = scoreEntities(
      tail.map((s) => s.columns[0]),
      predicted,
    ).micro.f1;
    return [
      `model load: ${loadMs.toFixed(0)} ms`,
      `${tokens} tokens in ${seconds.toFixed(2)} s: ${Math.round(tokens / seconds)} tokens/s wall, ${Math.round(tokens / cpuSeconds)} tokens/s of CPU time`,
      `again, words seen: ${Math.round(tokens / againSeconds)} tokens/s wall, ${Math.round(tokens / againCpuSeconds)} tokens/s of CPU time`,
      `training-data F1 ${(100 * f1).toFixed(1)} (the committed model saw this text; not a test score)`,
    ];
  },
};
