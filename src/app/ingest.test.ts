import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleInput } from '../core/article.js';
import { SqliteRepository } from '../store/sqlite.js';
import { ingestInputs, storeArticles } from './ingest.js';
import { STAGES } from '../pipeline/stages.js';
import { inlineExtractor, workerExtractor, type EventExtractor } from './extractor.js';
import { toArticle } from './analyze.js';

function input(title: string, text: string): ArticleInput {
  return {
    title,
    text,
    published: '2019-04-08',
    publishedAt: null,
    publishedRaw: null,
    origin: { url: null, source: 'اختبار', input: 'test', externalId: null },
  };
}

const REPORTS = [
  input('اشتباكات', 'اندلعت اشتباكات عنيفة في مدينة الزاوية أمس أسفرت عن مقتل ثلاثة مسلحين.'),
  input('غارة', 'شنت طائرات حربية غارة على مواقع في مدينة سرت مساء الخميس.'),
  input('اختطاف', 'خطف مسلحون مجهولون ناشطا مدنيا من منزله في بنغازي.'),
];

test('one article the pipeline fails on is stored and reported; the rest of the batch goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-ingest-'));
  const repo = new SqliteRepository(join(dir, 'test.db'));
  try {
    const real = inlineExtractor();
    const failingOnSecond: EventExtractor = {
      async extract(articles) {
        const outcomes = await real.extract(articles);
        return outcomes.map((o, k) => (k === 1 ? { error: 'simulated failure' } : o));
      },
      async close() {},
    };
    const stored = await storeArticles(repo, REPORTS, undefined, failingOnSecond);
    assert.deepEqual(
      stored.map((s) => s.status),
      ['new', 'new', 'new'],
    );
    assert.equal(stored[1].error, 'simulated failure');
    assert.ok(stored[0].events > 0 && stored[2].events > 0);
    assert.equal(await repo.countArticles(), 3);
    // Again: duplicates, nothing changed.
    const again = await storeArticles(repo, REPORTS);
    assert.deepEqual(
      again.map((s) => s.status),
      ['duplicate', 'duplicate', 'duplicate'],
    );
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('worker threads give the same events as this thread', async () => {
  const articles = REPORTS.map(toArticle);
  const inline = await inlineExtractor().extract(articles);
  const workers = workerExtractor(2);
  try {
    assert.deepEqual(await workers.extract(articles), inline);
  } finally {
    await workers.close();
  }
});

test('ingest times each pipeline stage, the writes and fusion, and stores a batch while reading the next', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-ingest-'));
  const repo = new SqliteRepository(join(dir, 'test.db'));
  try {
    const file = join(dir, 'reports.jsonl');
    writeFileSync(file, REPORTS.map((r) => JSON.stringify({ title: r.title, text: r.text })).join('\n'));
    const summary = await ingestInputs(repo, [file]);
    assert.deepEqual([summary.read, summary.new, summary.failed], [3, 3, 0]);
    assert.deepEqual(Object.keys(summary.timings.stages), ['normalise', ...STAGES.map((s) => s.name)]);
    assert.ok(summary.timings.storeSeconds > 0 && summary.timings.extractSeconds > 0);
    assert.equal(summary.fusionSeconds, summary.timings.fusionSeconds);
    assert.equal((await repo.stats()).events, summary.events);
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
