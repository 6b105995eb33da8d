/**
 * Start-up costs, formerly timed inside tests (a shared machine made those flaky): loading the
 * gazetteer and the committed NER model, and reading the ANT corpus through readInputs (JSON
 * lines, every date parsed). Each figure is printed beside the budget the test used to enforce.
 */
import { ANT_CORPUS, sharedFile } from '../core/shared-data.js';
import { loadGazetteer } from '../knowledge/places.js';
import { loadNerModel } from '../ner/tagger/index.js';
import { readInputs } from '../input/read.js';
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
