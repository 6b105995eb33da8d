/** The kept views give what normalising again gives: the id, the full-text row and the pipeline are unchanged. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalize, normalizeForMatch } from './normalize.js';
import { rememberedView, viewOf } from './view-cache.js';
import { searchableText } from '../store/search-text.js';

// Letters, marks, tatweel, format characters, spaces, and surrogate halves alone and in pairs.
const alphabet = [...'أإآاىيةهـًٌٍَُِّْ\u200b\u200f\u061c \n\t،٣xA', '\ud83d', '\ude00', '\udb40\udc20'];
const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((chars) => chars.join(''));

test('the full-text row joins the views of title and text: the view of both joined', () => {
  fc.assert(
    fc.property(texts, texts, (title, text) => {
      assert.equal(searchableText(title, text), normalize(`${title}\n${text}`).norm);
    }),
  );
});

test('a kept view is the view normalising gives', () => {
  fc.assert(
    fc.property(texts, (text) => {
      assert.deepEqual(rememberedView(text), normalize(text));
      assert.deepEqual(viewOf(text), normalize(text));
      assert.equal(rememberedView(text).norm.replace(/\s+/g, ' ').trim(), normalizeForMatch(text));
    }),
  );
});
