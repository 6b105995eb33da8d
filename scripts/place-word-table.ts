/**
 * The place-word table (eval/places/place-words.json): the most frequent place-like words of the
 * development corpora, each with a few occurrences an annotator judged (a place here, and which;
 * or not a place, and why). Place-like: a name the gazetteer dictionary matches as a place or a
 * country, as the entity stage finds it BEFORE the evidence rules (src/entities/place-evidence.ts),
 * so the words those rules reject are counted too.
 *
 *   sheet  scans ../shared's ANT corpus and the multi-source corpus (its test-split articles left
 *          out: splitOf of src/eval/candidate-labels.ts, the gold's rule), counts the candidates by
 *          name key, takes the most frequent keys, draws a few occurrences of each (a fixed hash
 *          order, different articles) and writes an annotation sheet quoting their context. The
 *          sheet holds article text: write it outside the repository.
 *   apply  reads the labelled sheet (TSV: item, verdict, place, reason, note) and writes the table:
 *          ids, offsets, keys and labels only, never text.
 *
 * node --import tsx scripts/place-word-table.ts sheet --out /work/scratch-placetable/sheet.tsv [--keys 300 --per-key 3]
 * node --import tsx scripts/place-word-table.ts apply --sheet sheet.tsv --labels labels.tsv --out eval/places/place-words.json
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { toArticle } from '../src/app/analyze.js';
import { sharedFile } from '../src/core/shared-data.js';
import { splitOf } from '../src/eval/candidate-labels.js';
import { matchNames } from '../src/entities/dictionary-matcher.js';
import { nameKey } from '../src/entities/name-index.js';
import { datelineEnd } from '../src/entities/place-evidence.js';
import { parseJsonLine } from '../src/input/formats/json.js';
import { loadPipelineContext } from '../src/pipeline/context.js';
import { runPipeline } from '../src/pipeline/pipeline.js';
import { STAGES } from '../src/pipeline/stages.js';
import {
  PLACE_WORD_CORPORA,
  PLACE_WORD_CORPUS_FILES,
  PLACE_WORD_REASONS,
  parsePlaceWords,
  readPlaceWordArticles,
  sha256,
  type PlaceWordCorpus,
  type PlaceWordsFile,
} from '../src/eval/place-words.js';

const SEED = 'place-words-1';
const KEEP = 24;

interface Occurrence {
  corpus: PlaceWordCorpus;
  doc: string;
  start: number;
  end: number;
  hash: string;
  context: string;
  refs: string[];
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The words around a span, the span in guillemets, on one line. */
function around(text: string, start: number, end: number, width = 110): string {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  return `${text.slice(from, start)}⟦${text.slice(start, end)}⟧${text.slice(end, to)}`.replace(/\s+/g, ' ').trim();
}

async function sheet(out: string, keys: number, perKey: number): Promise<void> {
  const context = loadPipelineContext({ withTagger: false });
  const names = context.entities.names;
  const textStages = STAGES.filter((s) => s.name === 'sentences' || s.name === 'tokens');
  const counts = new Map<string, { n: number; docs: number; lastDoc: string; best: Occurrence[] }>();
  const articles: Record<string, number> = {};
  for (const corpus of PLACE_WORD_CORPORA) {
    const path = sharedFile(...PLACE_WORD_CORPUS_FILES[corpus]);
    if (!path) throw new Error(`../shared/${PLACE_WORD_CORPUS_FILES[corpus].join('/')} is absent`);
    let read = 0;
    let lineNo = 0;
    for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
      lineNo++;
      if (!line.trim()) continue;
      const item = parseJsonLine(line, `${path}:${lineNo}`, { published: 'published_raw' });
      if (item.kind !== 'article') continue;
      const doc = item.article.origin.externalId ?? '';
      if (corpus === 'ant-ms-v2.1' && splitOf(doc) === 'test') continue;
      read++;
      const text = item.article.text;
      const d = runPipeline(toArticle(item.article), context, textStages);
      const dateline = datelineEnd(text);
      for (const c of matchNames(d.tokens, d.view, names)) {
        const refs = c.entries.filter((e) => (e.kind === 'place' || e.kind === 'country') && !e.demonym);
        if (refs.length === 0 || c.end <= dateline) continue;
        const key = nameKey(refs[0].alias).join(' ');
        let count = counts.get(key);
        if (!count) counts.set(key, (count = { n: 0, docs: 0, lastDoc: '', best: [] }));
        count.n++;
        if (count.lastDoc !== doc) {
          count.docs++;
          count.lastDoc = doc;
        }
        const hash = sha(`${SEED}:${doc}:${c.start}`);
        if (count.best.length < KEEP || hash < count.best[count.best.length - 1].hash) {
          count.best.push({
            corpus,
            doc,
            start: c.start,
            end: c.end,
            hash,
            context: around(text, c.start, c.end),
            refs: refs.map((e) => e.ref),
          });
          count.best.sort((a, b) => (a.hash < b.hash ? -1 : 1));
          if (count.best.length > KEEP) count.best.pop();
        }
      }
      if (read % 2000 === 0) process.stderr.write(`${corpus}: ${read}\n`);
    }
    articles[corpus] = read;
  }
  const top = [...counts].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1)).slice(0, keys);
  const geo = context.entities.geo;
  const describe = (ref: string) => {
    const g = geo.get(ref);
    if (!g) return ref;
    if (g.kind === 'country') return `${ref}`;
    if (g.kind === 'city') return `${ref}[${g.city.name_en},${g.city.country},${g.city.importance}]`;
    const p = g.place;
    return `${ref}[${p.name_en},${p.country},${p.admin1},${p.feature},${p.importance}]`;
  };
  const rows = ['item\tkey\tcount\tcorpus\tdoc\tstart\tend\toptions\tcontext'];
  let item = 0;
  for (const [key, count] of top) {
    const seen = new Set<string>();
    const picked = count.best.filter((o) => !seen.has(o.doc) && seen.add(o.doc)).slice(0, perKey);
    for (const o of picked) {
      const options = o.refs
        .map((ref) => ({ ref, imp: importanceOf(ref) }))
        .sort((a, b) => b.imp - a.imp)
        .slice(0, 6)
        .map((r) => describe(r.ref));
      const more = o.refs.length > 6 ? ` +${o.refs.length - 6}` : '';
      rows.push(
        [++item, key, count.n, o.corpus, o.doc, o.start, o.end, options.join(' ') + more, o.context].join('\t'),
      );
    }
  }
  function importanceOf(ref: string): number {
    const g = geo.get(ref);
    return !g ? 0 : g.kind === 'country' ? 100 : g.kind === 'city' ? g.city.importance : g.place.importance;
  }
  writeFileSync(out, rows.join('\n') + '\n');
  process.stdout.write(
    `${item} occurrences of ${top.length} keys (of ${counts.size} keys seen) from ${JSON.stringify(articles)}\n`,
  );
}

/** The labelled sheet applied: the table, offsets and labels only. */
async function apply(sheetPath: string, labelsPath: string, out: string, annotator: string): Promise<void> {
  const tsv = (path: string) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split('\t'));
  const sheetRows = new Map(
    tsv(sheetPath)
      .slice(1)
      .map((r) => [Number(r[0]), r]),
  );
  const keys = new Map<string, number>();
  const occurrences: PlaceWordsFile['occurrences'] = [];
  for (const [itemText, verdict, place, reason, note] of tsv(labelsPath)) {
    const row = sheetRows.get(Number(itemText));
    if (!row) throw new Error(`item ${itemText} is not in the sheet`);
    const [, key, count, corpus, doc, start, end] = row;
    keys.set(key, Number(count));
    occurrences.push({
      corpus: corpus as PlaceWordCorpus,
      doc,
      start: Number(start),
      end: Number(end),
      key,
      verdict: verdict as 'place' | 'not-place',
      place: verdict === 'place' ? place : null,
      reason: verdict === 'place' ? null : (reason as (typeof PLACE_WORD_REASONS)[number]),
      ...(note?.trim() ? { note: note.trim() } : {}),
    });
  }
  // Each article's hash, and the name key at each span as a check of the offsets.
  const articles = await readPlaceWordArticles(new Set(occurrences.map((o) => `${o.corpus}/${o.doc}`)));
  if (!articles) throw new Error('the corpora of ../shared are absent');
  const documents: Record<string, string> = {};
  for (const o of occurrences) {
    const article = articles.get(`${o.corpus}/${o.doc}`);
    if (!article) throw new Error(`${o.corpus}/${o.doc} is not in the corpus`);
    documents[`${o.corpus}/${o.doc}`] = sha256(article.text);
    const key = nameKey(article.text.slice(o.start, o.end)).join(' ');
    if (key !== o.key) throw new Error(`${o.corpus}/${o.doc} ${o.start}-${o.end}: "${key}" is not "${o.key}"`);
  }
  const file: PlaceWordsFile = {
    $meta: {
      description:
        'The most frequent place-like words of the development corpora (names the gazetteer dictionary matches as a place or a country, before the evidence rules), each with occurrences judged by reading the Arabic: a place here (its gazetteer id, or country:XX) or not a place (and the reason class). Offsets are UTF-16 code units into the record\u2019s `text` as ingest reads it. No article text.',
      built: `scripts/place-word-table.ts (seed ${SEED}): ${sheetRows.size} occurrences of the ${keys.size} most frequent keys`,
      corpora: 'ant-v1.1 (10,136 Jawhara FM articles); ant-ms-v2.1 dev split (its test split is never read)',
      guidelines: 'eval/places/README.md',
      annotator,
      date: new Date().toISOString().slice(0, 10),
      licence: 'MIT',
    },
    documents: Object.fromEntries(Object.entries(documents).sort(([a], [b]) => (a < b ? -1 : 1))),
    keys: Object.fromEntries([...keys].sort((a, b) => b[1] - a[1])),
    occurrences,
  };
  parsePlaceWords(file, out);
  // Every id names a place of the gazetteer (or a place it lacks: other:CC:name).
  const geo = loadPipelineContext({ withTagger: false }).entities.geo;
  const unknown = occurrences.filter((o) => o.place !== null && !o.place.startsWith('other:') && !geo.get(o.place));
  if (unknown.length) throw new Error(`unknown place ids: ${unknown.map((o) => o.place).join(', ')}`);
  // One occurrence a line: a relabelled occurrence is a one-line change.
  const { occurrences: rows, ...head } = file;
  const body = JSON.stringify(head, null, 1).replace(/\n}$/, '');
  writeFileSync(out, `${body},\n "occurrences": [\n${rows.map((o) => `  ${JSON.stringify(o)}`).join(',\n')}\n ]\n}\n`);
  process.stdout.write(`${occurrences.length} occurrences of ${keys.size} keys written to ${out}\n`);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    keys: { type: 'string', default: '300' },
    'per-key': { type: 'string', default: '3' },
    sheet: { type: 'string' },
    labels: { type: 'string' },
    annotator: { type: 'string', default: 'an LLM helper session' },
  },
});
if (positionals[0] === 'sheet' && values.out) await sheet(values.out, Number(values.keys), Number(values['per-key']));
else if (positionals[0] === 'apply' && values.sheet && values.labels && values.out)
  await apply(values.sheet, values.labels, values.out, values.annotator);
else {
  process.stderr.write('usage: place-word-table.ts sheet --out FILE | apply --sheet FILE --labels FILE --out FILE\n');
  process.exitCode = 2;
}
