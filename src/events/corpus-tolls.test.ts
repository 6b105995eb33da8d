/**
 * Over the 10,136 articles of the ANT corpus (../shared; skipped when absent), no event may hold
 * a toll bigger than any conflict event could (a year, "the millions" of a war's history, a
 * cumulative count): such a figure is rejected with its reason, not clamped. About 25 CPU
 * seconds; it reads what extraction stores, every event's fatalities and their source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ANT_CORPUS, sharedFile } from '../core/shared-data.js';
import { loadPipelineContext } from '../pipeline/context.js';
import { runPipeline } from '../pipeline/pipeline.js';
import { PLAUSIBLE_MAXIMUM } from './toll.js';

const corpus = sharedFile(...ANT_CORPUS);
const skip = corpus ? false : `../shared/${ANT_CORPUS.join('/')} is absent`;

test(`no event of the ANT corpus has more than ${PLAUSIBLE_MAXIMUM} killed or injured`, { skip }, () => {
  const context = loadPipelineContext();
  const lines = readFileSync(corpus!, 'utf8').split('\n').filter(Boolean);
  assert.equal(lines.length, 10136);
  const implausible: string[] = [];
  let events = 0;
  let rejected = 0;
  for (const line of lines) {
    const a = JSON.parse(line) as { id: string; title: string; text: string; published_raw: string };
    const article = {
      id: a.id,
      title: a.title,
      text: a.text,
      published: a.published_raw.slice(0, 10),
      publishedAt: null,
      publishedRaw: null,
      origins: [],
    };
    for (const e of runPipeline(article, context).events) {
      events++;
      rejected += e.sources.filter((s) => s.field.endsWith('.rejected')).length;
      if (e.fatalities > PLAUSIBLE_MAXIMUM || (e.injured ?? 0) > PLAUSIBLE_MAXIMUM)
        implausible.push(`${a.id}: ${e.fatalities} killed, ${e.injured} injured`);
      // A toll other than 0 rests on the words that gave it.
      if (e.fatalities > 0)
        assert.ok(
          e.sources.some((s) => s.field === 'fatalities' && s.evidence),
          a.id,
        );
    }
  }
  assert.ok(events > 1000, `${events} events`);
  assert.ok(rejected > 0, 'the corpus holds figures that must be rejected (years, millions)');
  assert.deepEqual(implausible, []);
});
