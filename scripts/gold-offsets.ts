/**
 * Builds a gold-event file (eval/gold/README.md) from an annotation spec kept OUTSIDE the
 * repository, and checks a built file against the texts.
 *
 * The spec is the gold file with phrases where the gold file has offsets: a trigger or span is
 * `"phrase"`, `{ "find": "phrase", "nth": 1 }` (0-based occurrence) or
 * `{ "from": "first words", "to": "last words" }` (from the start of the first to the end of the
 * first `to` found after it). Phrases are article text, so specs never enter the repository;
 * the gold file holds only offsets and hashes.
 *
 *   node --import tsx scripts/gold-offsets.ts build --corpus seeds --spec /tmp/seeds.spec.json \
 *     --out eval/gold/seeds.json
 *   node --import tsx scripts/gold-offsets.ts check --gold eval/gold/seeds.json [--show]
 *   node --import tsx scripts/gold-offsets.ts claimants --gold eval/gold/seeds.json --spec /tmp/claimants.json
 *   node --import tsx scripts/gold-offsets.ts mentions --gold eval/gold/seeds.json --spec /tmp/mentions.json
 *
 * Seeds: offsets are in the BODY as `parseTxt` (src/input/formats/txt.ts) gives it, so they
 * match what `marsad ingest` stores; `text_sha256` hashes the whole file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseTxt } from '../src/input/formats/txt.js';

type Corpus = 'seeds' | 'ant-v1.1' | 'ant-ms-v2.1';
interface Span {
  start: number;
  end: number;
}
type SpanSpec = string | { find: string; nth?: number } | { from: string; to: string };

interface SourceDoc {
  /** The text offsets point into. */
  text: string;
  /** What `text_sha256` hashes: the whole file for seeds, the `text` field for ANT. */
  hashed: string;
  /** Where `text` starts in `hashed` (seeds with a title line), for readers that want file offsets. */
  bodyStart: number;
  published: string | null;
}

const REPO_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SHARED = resolve(REPO_ROOT, '..', 'shared');

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

function loadSeed(name: string): SourceDoc {
  const file = readFileSync(join(SHARED, 'seeds', name), 'utf8');
  const item = parseTxt(file, name);
  if (item.kind !== 'article') throw new Error(`${name}: ${item.message}`);
  const body = item.article.text;
  const bodyStart = file.length - body.length;
  if (file.slice(bodyStart) !== body) throw new Error(`${name}: body is not a suffix of the file`);
  return { text: body, hashed: file, bodyStart, published: null };
}

const CORPUS_FILES = {
  'ant-v1.1': ['ant-corpus', 'ant-v1.1.jsonl'],
  'ant-ms-v2.1': ['ant-multisource', 'ant-ms-v2.1-dev.jsonl'],
} as const;
const jsonlIndex = new Map<Corpus, Map<string, { text: string; published_raw: string }>>();
function loadJsonl(corpus: 'ant-v1.1' | 'ant-ms-v2.1', id: string): SourceDoc {
  let index = jsonlIndex.get(corpus);
  if (index === undefined) {
    index = new Map();
    const lines = readFileSync(join(SHARED, 'datasets', ...CORPUS_FILES[corpus]), 'utf8').split('\n');
    for (const line of lines) {
      if (line.trim() === '') continue;
      const rec = JSON.parse(line) as { id: string; text: string; published_raw: string };
      index.set(rec.id, rec);
    }
    jsonlIndex.set(corpus, index);
  }
  const rec = index.get(id);
  if (rec === undefined) throw new Error(`${corpus}: no document ${id}`);
  const published = corpus === 'ant-v1.1' ? antPublished(rec.published_raw) : rfc822LocalDate(rec.published_raw);
  return { text: rec.text, hashed: rec.text, bodyStart: 0, published };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** RFC 822 as the multi-source feeds give it ("Sun, 18 Feb 2018 21:35:43 +0400"): the outlet's local date. */
function rfc822LocalDate(raw: string): string {
  const m = /(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})/.exec(raw);
  const month = m ? MONTHS.indexOf(m[2]) + 1 : 0;
  if (!m || month === 0) throw new Error(`unreadable published_raw: ${raw}`);
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** `published_raw` is ISO 8601 with the site's (Tunisian) offset, or DD/MM/YYYY: keep the local date. */
function antPublished(raw: string): string {
  const iso = /^(\d{4}-\d{2}-\d{2})T/.exec(raw);
  if (iso) return iso[1];
  const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw.trim());
  if (dmy) return `${dmy[3]}-${dmy[2]}-${dmy[1]}`;
  throw new Error(`unreadable published_raw: ${raw}`);
}

function loadDoc(corpus: Corpus, doc: string): SourceDoc {
  return corpus === 'seeds' ? loadSeed(doc) : loadJsonl(corpus, doc);
}

function nthIndexOf(text: string, phrase: string, nth: number, from = 0): number {
  let at = from - 1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(phrase, at + 1);
    if (at === -1) return -1;
  }
  return at;
}

function resolveSpan(text: string, spec: SpanSpec, where: string): Span {
  if (typeof spec === 'string') spec = { find: spec };
  if ('find' in spec) {
    const nth = spec.nth ?? 0;
    const start = nthIndexOf(text, spec.find, nth);
    if (start === -1) throw new Error(`${where}: phrase not found (nth ${nth}): ${spec.find}`);
    // An unqualified phrase must be unique, or the annotator meant something they did not say.
    if (spec.nth === undefined && text.indexOf(spec.find, start + 1) !== -1) {
      throw new Error(`${where}: phrase occurs more than once, give nth: ${spec.find}`);
    }
    return { start, end: start + spec.find.length };
  }
  const start = text.indexOf(spec.from);
  if (start === -1) throw new Error(`${where}: 'from' not found: ${spec.from}`);
  const toAt = text.indexOf(spec.to, start);
  if (toAt === -1) throw new Error(`${where}: 'to' not found after 'from': ${spec.to}`);
  return { start, end: toAt + spec.to.length };
}

interface SpecDoc {
  doc: string;
  split?: 'dev' | 'test';
  events: Array<
    Record<string, unknown> & {
      trigger: SpanSpec;
      evidence: SpanSpec[];
      /** Optional in a spec: the claimants, written in the same pass as the event. */
      claimed_by?: Array<{ span: SpanSpec; organisation: string | null; mentions?: SpanSpec[] }>;
    }
  >;
  not_events?: Array<{ span: SpanSpec; why: string; reason?: string }>;
}
interface Spec {
  $meta: Record<string, unknown>;
  documents: SpecDoc[];
}

function build(corpus: Corpus, specPath: string, outPath: string): void {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Spec;
  const documents = spec.documents.map((d) => {
    const src = loadDoc(corpus, d.doc);
    const events = d.events.map((e, i) => {
      const where = `${d.doc} event ${i}`;
      const { trigger, evidence, claimed_by: claimedBy, ...fields } = e;
      // Field order of the documented format: type first, spans last but one, note last.
      const { note, ...rest } = fields;
      return {
        ...rest,
        trigger: resolveSpan(src.text, trigger, `${where} trigger`),
        evidence: evidence.map((s, j) => resolveSpan(src.text, s, `${where} evidence ${j}`)),
        ...(claimedBy !== undefined
          ? {
              claimed_by: claimedBy.map((c, j) => {
                const mentions = (c.mentions ?? []).map((m, k) =>
                  resolveSpan(src.text, m, `${where} claimant ${j} mention ${k}`),
                );
                return {
                  ...resolveSpan(src.text, c.span, `${where} claimant ${j}`),
                  organisation: c.organisation,
                  ...(mentions.length > 0 ? { mentions } : {}),
                };
              }),
            }
          : {}),
        note,
      };
    });
    const notEvents = (d.not_events ?? []).map((n, i) => ({
      ...resolveSpan(src.text, n.span, `${d.doc} not_event ${i}`),
      why: n.why,
      ...(n.reason !== undefined ? { reason: n.reason } : {}),
    }));
    return {
      doc: d.doc,
      ...(d.split !== undefined ? { split: d.split } : {}),
      published: src.published,
      text_sha256: sha256(src.hashed),
      ...(corpus === 'seeds' ? { body_start: src.bodyStart } : {}),
      events,
      ...(notEvents.length > 0 ? { not_events: notEvents } : {}),
    };
  });
  const out = { $meta: { ...spec.$meta, corpus }, documents };
  writeFileSync(outPath, JSON.stringify(out, null, 2) + '\n');
  const nEvents = documents.reduce((n, d) => n + d.events.length, 0);
  console.log(`${outPath}: ${documents.length} documents, ${nEvents} events`);
}

interface ClaimantSpec {
  doc: string;
  /** 0-based index of the event in the document's `events`. */
  event: number;
  /** Every report's source; [] when the outlet tells the event in its own voice. */
  claimed_by: Array<{ span: SpanSpec; organisation: string | null }>;
}

/** A gold file read for rewriting: its documents as plain JSON, every field kept. */
interface GoldJson {
  $meta: { corpus: Corpus };
  documents: Array<{
    doc: string;
    events: Array<Record<string, unknown> & { claimed_by?: Array<Record<string, unknown>> }>;
  }>;
}

/**
 * Applies a spec's entries to the documents of one gold file and writes it back. A spec may cover
 * several gold files: entries for documents of other files are counted, not written.
 */
function rewriteGold<T extends { doc: string }>(
  goldPath: string,
  entries: readonly T[],
  what: string,
  apply: (doc: GoldJson['documents'][number], entry: T, src: SourceDoc) => void,
): void {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldJson;
  const byDoc = new Map(gold.documents.map((d) => [d.doc, d]));
  let written = 0;
  let elsewhere = 0;
  for (const entry of entries) {
    const d = byDoc.get(entry.doc);
    if (d === undefined) {
      elsewhere++;
      continue;
    }
    apply(d, entry, loadDoc(gold.$meta.corpus, entry.doc));
    written++;
  }
  writeFileSync(goldPath, JSON.stringify(gold, null, 2) + '\n');
  console.log(`${goldPath}: ${what} of ${written} written, ${elsewhere} of other files skipped`);
}

/**
 * Writes `claimed_by` into the events a claimant spec names (eval/gold/README.md, "Claimants"),
 * leaving every other field as it is. Entries are checked against the text like any span.
 */
function claimants(goldPath: string, specPath: string): void {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { claimants: ClaimantSpec[] };
  rewriteGold(goldPath, spec.claimants, 'claimants of events', (d, c, src) => {
    const event = d.events[c.event];
    if (event === undefined) throw new Error(`${c.doc}: no event ${c.event}`);
    const claimedBy = c.claimed_by.map((k, j) => ({
      ...resolveSpan(src.text, k.span, `${c.doc} event ${c.event} claimant ${j}`),
      organisation: k.organisation,
    }));
    // Keep `note` last, as the documented format has it.
    const { note, claimed_by: _old, ...rest } = event;
    d.events[c.event] = { ...rest, claimed_by: claimedBy, ...(note !== undefined ? { note } : {}) };
  });
}

interface MentionSpec {
  doc: string;
  event: number;
  /** 0-based index of the entry in the event's `claimed_by`. */
  source: number;
  /** The source's other mentions in the article (every one, wherever it is). */
  mentions: SpanSpec[];
}

/**
 * Writes `mentions` into the claimant entries a spec names: the other words of the article that
 * name the same source ("وكالة الأنباء الإماراتية" … "الوكالة"), so that a record pointing at any
 * of them names the right claimant.
 */
function claimantMentions(goldPath: string, specPath: string): void {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { mentions: MentionSpec[] };
  rewriteGold(goldPath, spec.mentions, 'mentions of claimants', (d, m, src) => {
    const entry = d.events[m.event]?.claimed_by?.[m.source];
    if (entry === undefined) throw new Error(`${m.doc}: event ${m.event} has no claimant ${m.source}`);
    const mentions = m.mentions
      .map((k, j) => resolveSpan(src.text, k, `${m.doc} event ${m.event} claimant ${m.source} mention ${j}`))
      .filter((x) => x.start !== entry.start || x.end !== entry.end)
      .sort((a, b) => a.start - b.start);
    delete entry.mentions;
    if (mentions.length > 0) entry.mentions = mentions;
  });
}

interface GoldDoc {
  doc: string;
  text_sha256: string;
  events: Array<{
    event_type: string;
    sub_event_type: string;
    trigger: Span;
    evidence: Span[];
    claimed_by?: Array<Span & { organisation: string | null; mentions?: Span[] }>;
  }>;
  not_events?: Array<Span & { why: string; reason?: string }>;
}

/** Verifies hashes and span bounds; with `show`, prints each span's words for review. */
function check(goldPath: string, show: boolean): void {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { $meta: { corpus: Corpus }; documents: GoldDoc[] };
  let problems = 0;
  const inBounds = (s: Span, text: string) => s.start >= 0 && s.start < s.end && s.end <= text.length;
  for (const d of gold.documents) {
    const src = loadDoc(gold.$meta.corpus, d.doc);
    if (sha256(src.hashed) !== d.text_sha256) {
      problems++;
      console.log(`${d.doc}: text changed`);
    }
    if (show) console.log(`\n== ${d.doc} (${src.published ?? 'no date'})`);
    for (const e of d.events) {
      const claimantSpans = (e.claimed_by ?? []).flatMap((c) => [c, ...(c.mentions ?? [])]);
      for (const s of [e.trigger, ...e.evidence, ...claimantSpans]) {
        if (!inBounds(s, src.text)) {
          problems++;
          console.log(`${d.doc}: span out of bounds ${JSON.stringify(s)}`);
        }
      }
      if (show) {
        console.log(`  ${e.event_type} / ${e.sub_event_type}: [${src.text.slice(e.trigger.start, e.trigger.end)}]`);
        for (const s of e.evidence) console.log(`     ${src.text.slice(s.start, s.end)}`);
        for (const c of e.claimed_by ?? [])
          console.log(
            `     claimed by: ${src.text.slice(c.start, c.end)} (${c.organisation ?? '-'})` +
              (c.mentions ?? []).map((x) => ` | also: ${src.text.slice(x.start, x.end)}`).join(''),
          );
        if (e.claimed_by?.length === 0) console.log("     claimed by: none (the outlet's own voice)");
      }
    }
    for (const n of d.not_events ?? []) {
      if (!inBounds(n, src.text)) {
        problems++;
        console.log(`${d.doc}: not_event out of bounds`);
      }
      if (show) console.log(`  NOT (${n.reason ?? '-'}: ${n.why}): ${src.text.slice(n.start, n.end)}`);
    }
  }
  console.log(`${basename(goldPath)}: ${gold.documents.length} documents checked, ${problems} problems`);
  if (problems > 0) process.exitCode = 1;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string' },
    spec: { type: 'string' },
    out: { type: 'string' },
    gold: { type: 'string' },
    show: { type: 'boolean', default: false },
  },
});
const command = positionals[0];
if (command === 'text' && values.corpus !== undefined && positionals[1] !== undefined) {
  // For annotators: the text offsets point into, with its publication date. Never commit it.
  const src = loadDoc(values.corpus as Corpus, positionals[1]);
  console.log(`${positionals[1]} published ${src.published ?? '-'}\n${src.text}`);
} else if (
  command === 'build' &&
  (values.corpus === 'seeds' || values.corpus === 'ant-v1.1' || values.corpus === 'ant-ms-v2.1') &&
  values.spec &&
  values.out
) {
  build(values.corpus, values.spec, values.out);
} else if (command === 'claimants' && values.gold && values.spec) {
  claimants(values.gold, values.spec);
} else if (command === 'mentions' && values.gold && values.spec) {
  claimantMentions(values.gold, values.spec);
} else if (command === 'check' && values.gold) {
  check(values.gold, values.show ?? false);
} else {
  console.error(
    'usage: gold-offsets.ts text --corpus C DOC | build --corpus seeds|ant-v1.1|ant-ms-v2.1 --spec FILE --out FILE | check --gold FILE [--show] | claimants|mentions --gold FILE --spec FILE',
  );
  process.exitCode = 2;
}
