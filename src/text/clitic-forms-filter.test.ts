import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CliticFormsFilter } from './clitic-forms-filter.js';
import { lookupWithClitics } from './numbers.js';

const LEXICON = new Map(['خمسه', 'الف', 'الاسبوع', 'عشرين', 'و', 'مئات'].map((w) => [w, true]));

test('a clitic forms filter lets through every word the look-up finds, clitics and all', () => {
  const filter = new CliticFormsFilter(LEXICON.keys());
  const words = ['خمسه', 'وخمسه', 'وبخمسه', 'بالف', 'للاسبوع', 'فلعشرين', 'و', 'ومئات', 'لمئات'];
  for (const word of words) {
    assert.ok(lookupWithClitics(LEXICON, word), word);
    assert.equal(filter.mayFind(word), true, word);
  }
});

test('a clitic forms filter turns away words whose forms end unlike any key', () => {
  const filter = new CliticFormsFilter(LEXICON.keys());
  for (const word of ['قصف', 'غارة', 'وقتل', 'الجيش']) assert.equal(filter.mayFind(word), false, word);
});

test('a clitic forms filter lets through every keyed word behind every run of clitics the look-up strips', () => {
  const filter = new CliticFormsFilter(LEXICON.keys());
  const fronts = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'وك', 'لل', 'ولل', 'فلل'];
  for (const key of LEXICON.keys())
    for (const front of fronts)
      for (const word of [front + key, front + key.replace(/^ال/, '')]) {
        if (lookupWithClitics(LEXICON, word)) assert.equal(filter.mayFind(word), true, word);
      }
});
