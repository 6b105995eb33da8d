/**
 * Invisible format characters (Unicode category Cf: the Arabic letter mark, zero-width and bidi
 * controls, the word joiner, the soft hyphen) inserted between letters must not hide events, and
 * the spans found must still point at the words as written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../pipeline/pipeline.js';
import { loadPipelineContext } from '../pipeline/context.js';
import type { EventRecord } from './record.js';

const REPORTS = [
  'شنت طائرات حربية غارات على مواقع في مدينة سرت.',
  'سقطت قذائف هاون على حي أبو سليم في طرابلس.',
  'اندلعت اشتباكات عنيفة في مدينة الزاوية أسفرت عن مقتل ثلاثة مسلحين.',
  'انفجرت عبوة ناسفة على طريق المطار في بنغازي.',
  'اختطف مسلحون مجهولون مهندساً من منزله في سبها.',
  'اعتقلت قوة أمنية ثلاثة ناشطين معارضين في مدينة درنة.',
  'نظم العشرات وقفة احتجاجية أمام مقر الحكومة في طرابلس.',
].join(' ');

function extract(text: string): EventRecord[] {
  const article = {
    id: 'test',
    title: '',
    text,
    published: '2019-04-08',
    publishedAt: null,
    publishedRaw: null,
    origins: [],
  };
  return runPipeline(article, loadPipelineContext({ withTagger: false })).events;
}

/** `text` with `mark` between every two Arabic letters. */
const between = (text: string, mark: string) => text.replace(/(?<=[\u0621-\u064a])(?=[\u0621-\u064a])/g, mark);

const summary = (events: EventRecord[]) => events.map((e) => `${e.sub_event_type} @ ${e.location?.name ?? '-'}`);

test('format characters between letters hide no event', () => {
  const clean = extract(REPORTS);
  assert.equal(clean.length, 7);
  for (const mark of [
    '\u061c',
    '\u2060',
    '\u200b',
    '\u200d',
    '\u00ad',
    '\u2061',
    '\u2064',
    '\ufeff',
    '\u206a',
    '\u{e0020}',
  ]) {
    const marked = between(REPORTS, mark);
    const events = extract(marked);
    const name = `U+${mark.codePointAt(0)!.toString(16).toUpperCase()}`;
    assert.deepEqual(summary(events), summary(clean), name);
    for (const e of events) {
      // The trigger as written is the clean trigger with the marks in it.
      assert.equal(e.trigger.text, marked.slice(e.trigger.start, e.trigger.end), name);
      assert.equal(e.trigger.text.split(mark).join(''), clean[events.indexOf(e)].trigger.text, name);
    }
  }
});
