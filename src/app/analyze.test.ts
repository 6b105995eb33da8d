import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeInputs, type AnalyzedItem } from './analyze.js';
import { loadPipelineContext } from '../pipeline/context.js';

test('a file of "1," × 2,500 (a list of days that overflowed the stack) is analysed: one document, no error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-analyze-'));
  try {
    const path = join(dir, 'days.txt');
    writeFileSync(path, '1,'.repeat(2_500));
    const items: AnalyzedItem[] = [];
    for await (const item of analyzeInputs([path], loadPipelineContext({ withTagger: false }))) items.push(item);
    assert.deepEqual(
      items.map((i) => i.kind),
      ['doc'],
    );
    assert.equal(items[0].kind === 'doc' && items[0].where, path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
