/**
 * Labelled candidates for the candidate judge (eval/labels/, src/eval/candidate-labels.ts).
 *
 *   node --import tsx scripts/candidate-labels.ts draw --batch 1 --articles 120 --worksheet /tmp/ws-1.txt
 *     draws articles of ant-ms-v2.1 outside the gold sample and earlier batches (deterministic:
 *     hash order, round-robin over outlet × section), runs the extractor's rules over them and
 *     writes eval/labels/candidates-1.json with every candidate unlabelled, and a worksheet (not
 *     to commit: it quotes the articles) numbering each candidate with its sentence.
 *   node --import tsx scripts/candidate-labels.ts apply --batch 1 --labels /tmp/labels-1.tsv
 *     fills the labels from a TSV: `number <TAB> not_event <TAB> reason <TAB> note` or
 *     `number <TAB> event <TAB> type <TAB> sub-type <TAB> note`, e.g.
 *     `12	not_event	history	the 2014 siege, as background` or
 *     `13	event	Explosions/Remote violence	Air/drone strike	`.
 *   node --import tsx scripts/candidate-labels.ts occurrence-sheet --batch 1 --worksheet /tmp/occ-1.txt
 *     writes a worksheet (not to commit) of the events of each article that holds several, to
 *     group them into occurrences (the lead and a quote telling one attack are one occurrence).
 *   node --import tsx scripts/candidate-labels.ts occurrences --batch 1 --labels /tmp/occ-1.tsv
 *     fills each event's `occurrence` from a TSV: `number <TAB> occurrence`, e.g. `12	1`, `14	1`,
 *     `15	2` (the numbers are per article; every event of an article listed needs one).
 *   node --import tsx scripts/candidate-labels.ts score [--split test|dev]
 *     runs the shipped pipeline over the labelled articles of a split and scores its verdicts on
 *     their candidates (the test split is never trained on: the judge's held-out figure).
 *   node --import tsx scripts/candidate-labels.ts check
 *     validates every labels file and prints the counts.
 *   node --import tsx scripts/candidate-labels.ts agree --batch 1 --labels /tmp/second-1.tsv
 *     compares a second annotator's TSV (a sample of numbers) with the batch: agreement on
 *     event/not_event, on the reason and on the type.
 *
 * Places of the event occurrences (eval/labels/places-N.json, src/eval/place-labels.ts):
 *   node --import tsx scripts/candidate-labels.ts place-sheet --batch 7 --split dev \
 *       --worksheet /work/scratch-placelabels/places-7-dev.txt
 *     writes a worksheet (not to commit) numbering each event occurrence of the batch (O1, O2 …
 *     over both splits, in file order) with its candidates' sentences, the article's title and
 *     opening (the dateline), and every place the gazetteer resolves in the article with its id.
 *   node --import tsx scripts/candidate-labels.ts place-find <name>
 *     looks a name (Arabic or English) up in our packs and in ../shared/datasets/gazetteer-arab-world.
 *   node --import tsx scripts/candidate-labels.ts place-apply --batch 7 --labels /tmp/places-7.tsv
 *     fills eval/labels/places-7.json from a TSV: `O<number> <TAB> id <TAB> geo_precision <TAB> note`
 *     (id: a pipeline ref as the worksheet lists it, `city:…`, `country:XX`, or `gn:<n>` of the
 *     Arab-world gazetteer; coordinates are copied from the entry, never typed) or
 *     `O<number> <TAB> null <TAB> reason <TAB> note` (reason: no_place_named, country_only_violent,
 *     unclear). Lines replace earlier labels of the same occurrence.
 *   node --import tsx scripts/candidate-labels.ts place-check
 *     validates every place file against its candidates file and prints the counts.
 *   node --import tsx scripts/candidate-labels.ts place-agree --labels eval/labels/agreement/places-second.tsv
 *     compares a second annotator's places (`batch <TAB> O<n> <TAB> id|null <TAB> precision|reason
 *     <TAB> note`) with the place files: the same place within 25 km, or null for both.
 *   node --import tsx scripts/candidate-labels.ts place-score --split dev|test
 *     runs the shipped pipeline over the articles with place labels and scores the place of the
 *     output event whose trigger is one of the occurrence's candidates (25 km, country); dev also
 *     lists the errors with the rule of the event's location.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { toArticle } from '../src/app/analyze.js';
import { ANT_MULTISOURCE_CORPUS, sharedFile } from '../src/core/shared-data.js';
import {
  CANDIDATE_LABELS_DIR,
  loadCandidateLabels,
  parseCandidateLabels,
  publishedOfId,
  splitOf,
  type CandidateLabelsFile,
} from '../src/eval/candidate-labels.js';
import { NOT_EVENT_REASONS } from '../src/eval/gold.js';
import {
  loadPlaceLabels,
  NO_PLACE_REASONS,
  occurrenceKey,
  occurrencesOf,
  parsePlaceLabels,
  placeLabelProblems,
  type Occurrence,
  type PlaceLabel,
  type PlaceLabelsFile,
} from '../src/eval/place-labels.js';
import { distanceKm, round4 } from '../src/core/geo.js';
import { spanContains, spansOverlap } from '../src/core/span.js';
import { rulesOnly } from '../src/events/judge-train.js';
import { goldSampleIds } from '../src/events/relevance-train.js';
import { loadPipelineContext } from '../src/pipeline/context.js';
import { runPipeline } from '../src/pipeline/pipeline.js';

const Rec = z.object({
  id: z.string(),
  source: z.string(),
  category: z.string(),
  title: z.string(),
  text: z.string(),
  published_raw: z.string().nullable().optional(),
});
type Rec = z.infer<typeof Rec>;

const WORLD = new Set(['internationalNews', 'middleEast']);
const VIOLENCE =
  /قتل|قتيل|قتلى|مقتل|هجوم|غارة|غارات|قصف|انفجار|تفجير|اشتباك|معارك|اختطاف|خطف|اعتقال|مظاهر|احتجاج|صاروخ|مسلح|انتحاري|عبوة|سيطر|اتفاق/;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hashOrder = (salt: string) => (a: Rec, b: Rec) =>
  sha256(`${salt}:${a.id}`) < sha256(`${salt}:${b.id}`) ? -1 : 1;
const labelsPath = (batch: number) => join(CANDIDATE_LABELS_DIR, `candidates-${batch}.json`);

function corpus(): Rec[] {
  const path = sharedFile(...ANT_MULTISOURCE_CORPUS);
  if (!path) throw new Error(`../shared/${ANT_MULTISOURCE_CORPUS.join('/')} is absent`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => Rec.parse(JSON.parse(line)));
}

/** Round-robin over groups (each in hash order) until `n` are taken. */
function roundRobin<T>(groups: T[][], n: number): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < n && groups.some((g) => i < g.length); i++)
    for (const g of groups) if (i < g.length && out.length < n) out.push(g[i]);
  return out;
}

function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
}

/** Two thirds world and Middle East news with a violence word, a third other sections with one. */
function drawArticles(batch: number, n: number): Rec[] {
  const taken = goldSampleIds();
  for (const { file } of loadCandidateLabels()) for (const doc of Object.keys(file.documents)) taken.add(doc);
  const free = corpus().filter((r) => !taken.has(r.id) && VIOLENCE.test(`${r.title} ${r.text}`));
  const world = free.filter((r) => WORLD.has(r.category)).sort(hashOrder(`labels-${batch}`));
  const other = free.filter((r) => !WORLD.has(r.category)).sort(hashOrder(`labels-${batch}`));
  const nWorld = Math.round((n * 2) / 3);
  return [
    ...roundRobin(
      groupBy(world, (r) => r.source),
      nWorld,
    ),
    ...roundRobin(
      groupBy(other, (r) => `${r.source}/${r.category}`),
      n - nWorld,
    ),
  ];
}

function articleOf(r: Rec) {
  return toArticle({
    title: r.title,
    text: r.text,
    published: publishedOfId(r.id),
    publishedAt: null,
    publishedRaw: r.published_raw ?? null,
    origin: { url: null, source: r.source, input: 'ant-ms-v2.1', externalId: r.id },
  });
}

/** The trigger's sentence (at most 300 characters either side), the trigger in guillemets, on one line. */
function sentenceAround(body: string, trigger: { start: number; end: number }): string {
  const from = Math.max(0, body.lastIndexOf('.', trigger.start - 1) + 1, trigger.start - 300);
  const stop = body.indexOf('.', trigger.end);
  const to = Math.min(body.length, stop < 0 ? body.length : stop + 1, trigger.end + 300);
  const sentence = `${body.slice(from, trigger.start)}«${body.slice(trigger.start, trigger.end)}»${body.slice(trigger.end, to)}`;
  return sentence.replace(/\s+/g, ' ').trim();
}

function draw(batch: number, n: number, worksheet: string): void {
  const context = rulesOnly(loadPipelineContext({ withTagger: false }));
  const file: CandidateLabelsFile = {
    $meta: {
      description:
        'Candidate event mentions of the extractor (its rules, before the judge) in ant-ms-v2.1 articles outside the gold sample, each labelled event (with its ACLED type) or not_event (with its reason class). Offsets into the article text; no text. Made by scripts/candidate-labels.ts.',
      corpus: 'ant-ms-v2.1',
      annotator: 'unlabelled',
      guidelines: 'eval/gold/README.md (reason classes, ACLED types as in ../shared/reference/events.md)',
      licence: 'CC BY-SA 4.0',
      batch,
    },
    documents: {},
    candidates: [],
  };
  const lines: string[] = [];
  for (const r of drawArticles(batch, n)) {
    const article = articleOf(r);
    const doc = runPipeline(article, context);
    file.documents[r.id] = sha256(r.text);
    const body = article.text;
    lines.push(
      `\n=== ${r.id} (${r.source}, ${r.category}, published ${publishedOfId(r.id) ?? 'unknown'})`,
      `title: ${r.title}`,
    );
    for (const c of doc.candidates) {
      const number = file.candidates.length + 1;
      file.candidates.push({
        doc: r.id,
        split: splitOf(r.id),
        trigger: c.trigger,
        entry: c.entryId,
        event_type: c.event_type,
        sub_event_type: c.sub_event_type,
        kept: c.verdict.kept,
        rule: c.verdict.rule,
        label: null,
        reason: null,
        gold_type: null,
        gold_sub_type: null,
        note: '',
      });
      lines.push(
        `#${number} [${c.event_type} / ${c.sub_event_type}; rules: ${c.verdict.kept ? 'kept' : c.verdict.rule}]`,
        `   ${sentenceAround(body, c.trigger)}`,
      );
    }
  }
  writeFileSync(labelsPath(batch), formatItemLines(file, 'candidates'));
  writeFileSync(worksheet, lines.join('\n') + '\n');
  console.log(
    `batch ${batch}: ${Object.keys(file.documents).length} articles, ${file.candidates.length} candidates; worksheet ${worksheet}`,
  );
}

interface TsvLabel {
  number: number;
  label: 'event' | 'not_event';
  reason: (typeof NOT_EVENT_REASONS)[number] | null;
  type: string | null;
  subType: string | null;
  note: string;
}

function readTsv(path: string): TsvLabel[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), at: `${path}:${i + 1}` }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'))
    .map(({ line, at }) => {
      const [n, label, what = '', ...note] = line.split('\t');
      const number = Number(n);
      if (!Number.isInteger(number) || number < 1) throw new Error(`${at}: "${n}" is not a candidate number`);
      if (label !== 'event' && label !== 'not_event') throw new Error(`${at}: label must be event or not_event`);
      if (label === 'not_event') {
        const reason = NOT_EVENT_REASONS.find((r) => r === what.trim());
        if (!reason) throw new Error(`${at}: reason must be one of ${NOT_EVENT_REASONS.join(', ')}`);
        return { number, label, reason, type: null, subType: null, note: note.join(' ').trim() };
      }
      // An event's line has the type and the sub-type in columns of their own (both hold slashes).
      const [subType = '', ...rest] = note;
      return { number, label, reason: null, type: what.trim(), subType: subType.trim(), note: rest.join(' ').trim() };
    });
}

/** A labels file with one item of its `list` a line, so that a diff reads item by item. */
function formatItemLines<F extends object>(file: F, list: keyof F & string): string {
  const { [list]: items, ...head } = file;
  const top = JSON.stringify(head, null, 1).replace(/\n}$/, '');
  const lines = (items as unknown[]).map((item) => `  ${JSON.stringify(item)}`).join(',\n');
  return `${top},\n "${list}": [\n${lines}\n ]\n}\n`;
}

function readBatch(batch: number): CandidateLabelsFile {
  const path = labelsPath(batch);
  return parseCandidateLabels(JSON.parse(readFileSync(path, 'utf8')), path);
}

function apply(batch: number, tsv: string, annotator: string): void {
  const file = readBatch(batch);
  for (const l of readTsv(tsv)) {
    const c = file.candidates[l.number - 1];
    if (!c) throw new Error(`${tsv}: batch ${batch} has no candidate #${l.number}`);
    Object.assign(c, {
      label: l.label,
      reason: l.reason,
      gold_type: l.type,
      gold_sub_type: l.subType,
      note: l.note,
    });
  }
  file.$meta.annotator = annotator;
  const checked = parseCandidateLabels(file, labelsPath(batch));
  writeFileSync(labelsPath(batch), formatItemLines(checked, 'candidates'));
  const open = checked.candidates.filter((c) => c.label === null).length;
  console.log(`batch ${batch}: ${checked.candidates.length - open} labelled, ${open} still open`);
}

/** Numbers (1-based, as in the worksheets) of the events of each article that holds more than one. */
function eventsToGroup(file: CandidateLabelsFile): Map<string, number[]> {
  const byDoc = new Map<string, number[]>();
  file.candidates.forEach((c, i) => {
    if (c.label === 'event') byDoc.set(c.doc, [...(byDoc.get(c.doc) ?? []), i + 1]);
  });
  for (const [doc, numbers] of byDoc) if (numbers.length < 2) byDoc.delete(doc);
  return byDoc;
}

/** A worksheet of the events of each article that holds several, for grouping them into occurrences. */
function occurrenceSheet(batch: number, worksheet: string): void {
  const file = readBatch(batch);
  const groups = eventsToGroup(file);
  const records = new Map(corpus().map((r) => [r.id, r]));
  const lines: string[] = [];
  for (const [doc, numbers] of groups) {
    const r = records.get(doc);
    if (!r) throw new Error(`${doc}: not in the corpus`);
    const body = articleOf(r).text;
    lines.push(
      `\n=== ${doc} (${r.source}, ${r.category}, published ${publishedOfId(doc) ?? 'unknown'})`,
      `title: ${r.title}`,
    );
    for (const n of numbers) {
      const c = file.candidates[n - 1];
      lines.push(`#${n} [${c.gold_type} / ${c.gold_sub_type}] ${c.note}`, `   ${sentenceAround(body, c.trigger)}`);
    }
  }
  writeFileSync(worksheet, lines.join('\n') + '\n');
  const events = [...groups.values()].reduce((n, g) => n + g.length, 0);
  console.log(`batch ${batch}: ${events} events in ${groups.size} articles to group; worksheet ${worksheet}`);
}

/** Fills each event's occurrence from a TSV of `number <TAB> occurrence`; every event of a listed article needs one. */
function applyOccurrences(batch: number, tsv: string): void {
  const file = readBatch(batch);
  const groups = eventsToGroup(file);
  const given = new Map<number, number>();
  readFileSync(tsv, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const at = `${tsv}:${i + 1}`;
      const [n, o] = line.split('\t').map((x) => Number(x));
      const c = file.candidates[n - 1];
      if (!Number.isInteger(n) || !c) throw new Error(`${at}: batch ${batch} has no candidate "${n}"`);
      if (!groups.get(c.doc)?.includes(n)) throw new Error(`${at}: #${n} is not an event of an article with several`);
      if (!Number.isInteger(o) || o < 1) throw new Error(`${at}: the occurrence must be a whole number from 1`);
      given.set(n, o);
    });
  for (const [doc, numbers] of groups) {
    const missing = numbers.filter((n) => !given.has(n));
    if (missing.length > 0 && missing.length < numbers.length)
      throw new Error(`${tsv}: ${doc} has events without an occurrence: ${missing.map((n) => `#${n}`).join(', ')}`);
  }
  for (const [n, o] of given) file.candidates[n - 1].occurrence = o;
  writeFileSync(labelsPath(batch), formatItemLines(parseCandidateLabels(file, labelsPath(batch)), 'candidates'));
  const articles = new Set([...given.keys()].map((n) => file.candidates[n - 1].doc));
  console.log(`batch ${batch}: ${given.size} events grouped in ${articles.size} articles`);
}

function check(): void {
  let total = 0;
  let labelled = 0;
  const counts = new Map<string, number>();
  for (const { path, file } of loadCandidateLabels()) {
    const open = file.candidates.filter((c) => c.label === null).length;
    console.log(
      `${path}: ${Object.keys(file.documents).length} articles, ${file.candidates.length} candidates, ${open} unlabelled`,
    );
    total += file.candidates.length;
    for (const c of file.candidates) {
      if (c.label === null) continue;
      labelled++;
      const key = c.label === 'event' ? `event ${c.gold_type}` : `not_event ${c.reason}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  console.log(`${labelled} of ${total} candidates labelled`);
  for (const [k, v] of [...counts].sort()) console.log(`  ${k}: ${v}`);
}

/**
 * The shipped pipeline's verdicts (rules, judge and all) against the labels of one split: a
 * candidate kept is a predicted event, a candidate labelled event the truth. The test split is
 * never trained on, so its figure is the judge's held-out one on 300 articles and more.
 */
function score(split: 'dev' | 'test'): void {
  const context = loadPipelineContext({ withTagger: false });
  const records = new Map(corpus().map((r) => [r.id, r]));
  let tp = 0;
  let kept = 0;
  let events = 0;
  let missing = 0;
  const keptNot = new Map<string, number>();
  const byDoc = new Map<string, CandidateLabelsFile['candidates']>();
  for (const { file } of loadCandidateLabels())
    for (const c of file.candidates)
      if (c.split === split && c.label !== null) byDoc.set(c.doc, [...(byDoc.get(c.doc) ?? []), c]);
  for (const [doc, labels] of byDoc) {
    const r = records.get(doc);
    if (!r) throw new Error(`${doc}: not in the corpus`);
    const found = runPipeline(articleOf(r), context).candidates;
    for (const l of labels) {
      const c = found.find((k) => k.trigger.start === l.trigger.start && k.trigger.end === l.trigger.end);
      if (!c) {
        missing++;
        continue;
      }
      if (l.label === 'event') events++;
      if (!c.verdict.kept) continue;
      kept++;
      if (l.label === 'event') tp++;
      else keptNot.set(l.reason ?? '-', (keptNot.get(l.reason ?? '-') ?? 0) + 1);
    }
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
  const p = tp / Math.max(1, kept);
  const r = tp / Math.max(1, events);
  console.log(
    `${split} split, ${byDoc.size} articles: candidates kept P ${pct(tp, kept)} R ${pct(tp, events)} F1 ${(p + r ? (200 * p * r) / (p + r) : 0).toFixed(1)} ` +
      `(${tp} of ${kept} kept are events, of ${events} events); ${missing} labelled candidates the rules no longer propose`,
  );
  console.log(
    `  not_events kept, by reason: ${[...keptNot]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}

function agree(batch: number, tsv: string): void {
  const file = readBatch(batch);
  let n = 0;
  let sameLabel = 0;
  let bothNot = 0;
  let sameReason = 0;
  let bothEvent = 0;
  let sameType = 0;
  for (const l of readTsv(tsv)) {
    const c = file.candidates[l.number - 1];
    if (!c?.label) continue;
    n++;
    if (c.label !== l.label) continue;
    sameLabel++;
    if (l.label === 'not_event') {
      bothNot++;
      if (c.reason === l.reason) sameReason++;
    } else {
      bothEvent++;
      if (c.gold_type === l.type) sameType++;
    }
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  console.log(
    `batch ${batch}, ${n} candidates labelled twice: event/not_event agree ${pct(sameLabel, n)}; ` +
      `reason agrees on ${pct(sameReason, bothNot)} of shared not_events; type on ${pct(sameType, bothEvent)} of shared events`,
  );
}

// ---- Places of the event occurrences (eval/labels/places-N.json) ----

const placesPath = (batch: number) => join(CANDIDATE_LABELS_DIR, `places-${batch}.json`);
const ARAB_WORLD_GAZETTEER = ['datasets', 'gazetteer-arab-world', 'places.jsonl'] as const;

function readPlaces(batch: number): PlaceLabelsFile {
  const path = placesPath(batch);
  if (!existsSync(path))
    return {
      $meta: {
        description:
          'The place of each labelled event occurrence of candidates-' +
          `${batch}.json, in the gold's location form (name, country, lat, lon, geo_precision), or null with a reason. ` +
          'Coordinates copied from the gazetteer entry named by gazetteer_id. No text. Made by scripts/candidate-labels.ts place-apply.',
        corpus: 'ant-ms-v2.1',
        annotator: 'unlabelled',
        guidelines: 'eval/labels/README.md (places), eval/gold/README.md rule 7, ../shared/reference/events.md',
        licence: 'CC BY-SA 4.0',
        batch,
      },
      places: [],
    };
  return parsePlaceLabels(JSON.parse(readFileSync(path, 'utf8')), path);
}

interface GeoLine {
  id: string;
  name: string;
  country: string;
  admin1: string | null;
  lat: number;
  lon: number;
  feature: string;
}

/** A pipeline ref (pack id, `city:…`, `country:XX`) as name, country and coordinates. */
function packGeo(ref: string): GeoLine | null {
  const g = loadPipelineContext({ withTagger: false }).entities.geo.get(ref);
  if (!g) return null;
  if (g.kind === 'place')
    return {
      id: ref,
      name: g.place.name_en,
      country: g.place.country,
      admin1: g.place.admin1,
      lat: g.place.lat,
      lon: g.place.lon,
      feature: g.place.feature,
    };
  if (g.kind === 'city')
    return {
      id: ref,
      name: g.city.name_en,
      country: g.city.country,
      admin1: g.city.admin1 ?? null,
      lat: g.city.lat,
      lon: g.city.lon,
      feature: g.city.feature,
    };
  return {
    id: ref,
    name: g.country.name_en,
    country: g.country.iso2,
    admin1: null,
    lat: g.country.lat,
    lon: g.country.lon,
    feature: 'country',
  };
}

const ArabWorldPlace = z.looseObject({
  id: z.string(),
  name: z.string(),
  name_ar: z.array(z.string()),
  country: z.string(),
  admin1_name: z.string().nullable().optional(),
  feature_code: z.string().nullable().optional(),
  population: z.number().nullable().optional(),
  lat: z.number(),
  lon: z.number(),
});

/** Lines of the Arab-world gazetteer whose text holds `needle` (a cheap pre-filter before parsing). */
function arabWorldLines(needle: (line: string) => boolean): z.infer<typeof ArabWorldPlace>[] {
  const path = sharedFile(...ARAB_WORLD_GAZETTEER);
  if (!path) throw new Error(`../shared/${ARAB_WORLD_GAZETTEER.join('/')} is absent`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line && needle(line))
    .map((line) => ArabWorldPlace.parse(JSON.parse(line)));
}

function arabWorldGeo(id: string): GeoLine | null {
  const [p] = arabWorldLines((line) => line.startsWith(`{"id": "${id}"`));
  if (!p) return null;
  return {
    id,
    name: p.name,
    country: p.country,
    admin1: p.admin1_name ?? null,
    lat: p.lat,
    lon: p.lon,
    feature: p.feature_code ?? '',
  };
}

const fmtGeo = (g: GeoLine) =>
  `${g.id}  ${g.name} (${g.country}${g.admin1 ? `, ${g.admin1}` : ''}; ${g.feature}) ${g.lat.toFixed(4)},${g.lon.toFixed(4)}`;

/** The places the pipeline's entity stage resolves in an article, once each, with the words. */
function articlePlaces(doc: ReturnType<typeof runPipeline>): string[] {
  const seen = new Map<string, { geo: GeoLine | null; words: Set<string> }>();
  for (const e of doc.entities) {
    if (e.resolution?.kind !== 'place') continue;
    const hit = seen.get(e.resolution.id) ?? { geo: packGeo(e.resolution.id), words: new Set<string>() };
    hit.words.add(e.text);
    seen.set(e.resolution.id, hit);
  }
  return [...seen.entries()].map(([id, { geo, words }]) => `${geo ? fmtGeo(geo) : id} «${[...words].join('، ')}»`);
}

function placeSheet(batch: number, split: 'dev' | 'test' | 'all', worksheet: string): void {
  const file = readBatch(batch);
  const context = rulesOnly(loadPipelineContext({ withTagger: false }));
  const records = new Map(corpus().map((r) => [r.id, r]));
  const numbered = occurrencesOf(file).map((o, i) => ({ o, n: i + 1 }));
  const docs = [...new Set(numbered.filter(({ o }) => split === 'all' || o.split === split).map(({ o }) => o.doc))];
  const lines: string[] = [];
  for (const id of docs) {
    const r = records.get(id);
    if (!r) throw new Error(`${id}: not in the corpus`);
    const article = articleOf(r);
    const doc = runPipeline(article, context);
    lines.push(
      `\n=== ${id} (${r.source}, ${r.category}, published ${publishedOfId(id) ?? 'unknown'}, ${splitOf(id)})`,
      `title: ${r.title}`,
      `opening: ${article.text.slice(0, 160).replace(/\s+/g, ' ')}`,
      'places the gazetteer resolves:',
      ...articlePlaces(doc).map((l) => `   ${l}`),
    );
    for (const { o, n } of numbered.filter(({ o }) => o.doc === id)) {
      lines.push(`O${n} [${o.candidates[0].gold_type} / ${o.candidates[0].gold_sub_type}]`);
      for (const c of o.candidates) lines.push(`   - ${sentenceAround(article.text, c.trigger)}`);
    }
  }
  writeFileSync(worksheet, lines.join('\n') + '\n');
  console.log(`batch ${batch}, ${split}: ${docs.length} articles; worksheet ${worksheet}`);
}

/** Arabic letters folded as the normaliser does for look-ups: hamzas, ta marbuta, alef maqsura, the article. */
const foldAr = (s: string) =>
  s
    .replace(/[\u064B-\u0652]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/(^|\s)ال/g, '$1')
    .replace(/ء$/, '')
    .trim();

function placeFind(query: string): void {
  const { gazetteer } = loadPipelineContext({ withTagger: false }).entities;
  const arabic = /[\u0600-\u06FF]/.test(query);
  const q = arabic ? foldAr(query) : query.toLowerCase();
  const matches = (names: string[]) => names.some((n) => (arabic ? foldAr(n) === q : n.toLowerCase().includes(q)));
  const out: string[] = [];
  for (const c of gazetteer.countries)
    if (matches(arabic ? [c.name_ar, ...c.aliases_ar] : [c.name_en, ...c.aliases_en]))
      out.push(`packs  ${fmtGeo(packGeo(`country:${c.iso2}`)!)}`);
  for (const c of gazetteer.cities)
    if (matches(arabic ? [c.name_ar, ...c.aliases_ar] : [c.name_en, ...(c.aliases_en ?? [])]))
      out.push(`packs  ${fmtGeo(packGeo(`city:${c.id}`)!)}`);
  for (const p of gazetteer.places)
    if (matches(arabic ? [p.name_ar, ...p.aliases_ar] : [p.name_en, ...(p.aliases_en ?? [])]))
      out.push(`packs  ${fmtGeo(packGeo(p.id)!)}`);
  const lower = query.toLowerCase();
  for (const p of arabWorldLines((line) => line.toLowerCase().includes(arabic ? query : lower)))
    if (matches(arabic ? p.name_ar : [p.name]))
      out.push(
        `gn     ${p.id}  ${p.name} (${p.country}${p.admin1_name ? `, ${p.admin1_name}` : ''}; ${p.feature_code ?? ''}; pop ${p.population ?? 0}) ${p.lat.toFixed(4)},${p.lon.toFixed(4)}`,
      );
  console.log(out.slice(0, 60).join('\n') || 'nothing');
}

function placeApply(batch: number, tsv: string, annotator: string): void {
  const candidates = readBatch(batch);
  const numbered = occurrencesOf(candidates);
  const file = readPlaces(batch);
  const byKey = new Map(file.places.map((p) => [occurrenceKey(p), p]));
  readFileSync(tsv, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const at = `${tsv}:${i + 1}`;
      const [n, id = '', what = '', ...note] = line.split('\t').map((x) => x.trim());
      const o = numbered[Number(n.replace(/^O/, '')) - 1];
      if (!/^O?\d+$/.test(n) || !o) throw new Error(`${at}: batch ${batch} has no occurrence "${n}"`);
      const base = {
        doc: o.doc,
        split: o.split,
        occurrence: o.occurrence,
        trigger_start: o.trigger_start,
        note: note.join(' '),
      };
      let label: PlaceLabel;
      if (id === 'null') {
        const reason = NO_PLACE_REASONS.find((r) => r === what);
        if (!reason) throw new Error(`${at}: a null place needs a reason: ${NO_PLACE_REASONS.join(', ')}`);
        label = { ...base, location: null, gazetteer_id: null, source: null, reason };
      } else {
        const precision = Number(what);
        if (precision !== 1 && precision !== 2 && precision !== 3)
          throw new Error(`${at}: geo_precision must be 1, 2 or 3`);
        const gn = id.startsWith('gn:');
        const geo = gn ? arabWorldGeo(id) : packGeo(id);
        if (!geo) throw new Error(`${at}: no gazetteer entry "${id}"`);
        label = {
          ...base,
          location: {
            name: geo.name,
            country: geo.country,
            lat: round4(geo.lat),
            lon: round4(geo.lon),
            geo_precision: precision,
          },
          gazetteer_id: id,
          source: gn ? 'gazetteer-arab-world' : 'packs',
          reason: null,
        };
      }
      byKey.set(occurrenceKey(label), label);
    });
  const order = new Map(numbered.map((o, i) => [occurrenceKey(o), i]));
  file.places = [...byKey.values()].sort(
    (a, b) => (order.get(occurrenceKey(a)) ?? 0) - (order.get(occurrenceKey(b)) ?? 0),
  );
  file.$meta.annotator = annotator;
  const checked = parsePlaceLabels(file, placesPath(batch));
  const problems = placeLabelProblems(checked, candidates);
  if (problems.length) throw new Error(`${placesPath(batch)}:\n  ${problems.join('\n  ')}`);
  writeFileSync(placesPath(batch), formatItemLines(checked, 'places'));
  console.log(`batch ${batch}: ${checked.places.length} of ${numbered.length} occurrences have a place label`);
}

function placeCheck(): void {
  const counts = { dev: 0, test: 0, null: new Map<string, number>(), sources: new Map<string, number>() };
  let bad = 0;
  for (const { path, file } of loadPlaceLabels()) {
    const candidates = readBatch(file.$meta.batch);
    const problems = placeLabelProblems(file, candidates);
    for (const p of problems) console.error(`${path}: ${p}`);
    bad += problems.length;
    const total = occurrencesOf(candidates).length;
    console.log(`${path}: ${file.places.length} of ${total} occurrences labelled`);
    for (const p of file.places) {
      counts[p.split]++;
      if (p.reason) counts.null.set(p.reason, (counts.null.get(p.reason) ?? 0) + 1);
      else counts.sources.set(p.source!, (counts.sources.get(p.source!) ?? 0) + 1);
    }
  }
  console.log(`dev ${counts.dev}, test ${counts.test} occurrences labelled`);
  console.log(`  null: ${[...counts.null].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  console.log(`  coordinates from: ${[...counts.sources].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (bad) process.exitCode = 1;
}

/**
 * The shipped pipeline's place for each labelled occurrence: the output event whose trigger is one
 * of the occurrence's candidates (else one whose evidence holds one). The test split only prints
 * its figures: it is never tuned on.
 */
function placeScore(split: 'dev' | 'test'): void {
  const context = loadPipelineContext({ withTagger: false });
  const records = new Map(corpus().map((r) => [r.id, r]));
  const occurrences = new Map<string, Occurrence>();
  for (const { file } of loadCandidateLabels())
    for (const o of occurrencesOf(file)) occurrences.set(occurrenceKey(o), o);
  const byDoc = new Map<string, PlaceLabel[]>();
  for (const { file } of loadPlaceLabels())
    for (const p of file.places) if (p.split === split) byDoc.set(p.doc, [...(byDoc.get(p.doc) ?? []), p]);
  let labelled = 0;
  let nulls = 0;
  let found = 0;
  let viaEvidence = 0;
  let near = 0;
  let country = 0;
  let missing = 0;
  let predictedForNull = 0;
  /** Matched occurrences and those within 25 km, by the label's geo_precision. */
  const byPrecision = new Map<number, { found: number; near: number }>();
  const errors: string[] = [];
  for (const [doc, labels] of byDoc) {
    const r = records.get(doc);
    if (!r) throw new Error(`${doc}: not in the corpus`);
    const events = runPipeline(articleOf(r), context).events;
    for (const p of labels) {
      const o = occurrences.get(occurrenceKey(p));
      if (!o) throw new Error(`${occurrenceKey(p)}: not an occurrence of the candidates files`);
      const starts = o.candidates.map((c) => c.trigger);
      let event = events.find((e) => starts.some((t) => spansOverlap(e.trigger, t)));
      if (!event) {
        event = events.find((e) => starts.some((t) => e.evidence.some((ev) => spanContains(ev, t))));
        if (event) viaEvidence++;
      }
      if (!p.location) {
        nulls++;
        if (event?.location) predictedForNull++;
        continue;
      }
      labelled++;
      if (!event) continue;
      found++;
      const row = byPrecision.get(p.location.geo_precision) ?? { found: 0, near: 0 };
      row.found++;
      byPrecision.set(p.location.geo_precision, row);
      const got = event.location;
      const source = event.sources.find((s) => s.field === 'location');
      const rule = source ? `${source.rule}${source.note ? ` (${source.note})` : ''}` : (event.location_reason ?? '-');
      const want = `${p.location.name} ${p.location.country} p${p.location.geo_precision}`;
      if (!got) {
        missing++;
        errors.push(`${occurrenceKey(p)}  want ${want}  got none  [${rule}]`);
        continue;
      }
      const km = distanceKm(got.lat, got.lon, p.location.lat, p.location.lon);
      if (got.country === p.location.country) country++;
      if (km <= 25) row.near++;
      if (km <= 25) near++;
      else
        errors.push(
          `${occurrenceKey(p)}  want ${want}  got ${got.name} ${got.country} p${got.geo_precision} (${Math.round(km)} km)  [${rule}]`,
        );
    }
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  console.log(
    `${split} split, ${byDoc.size} articles: ${labelled} occurrences with a place label (${nulls} null); ` +
      `${found} have an output event (${viaEvidence} found by evidence, not trigger)`,
  );
  console.log(
    `  of those: place within 25 km ${near} (${pct(near, found)}), right country ${country} (${pct(country, found)}), ` +
      `place missing ${missing} (${pct(missing, found)}); output events placed where the label is null: ${predictedForNull}`,
  );
  console.log(
    `  within 25 km by the label's geo_precision: ${[...byPrecision]
      .sort((a, b) => a[0] - b[0])
      .map(([k, v]) => `${k}: ${v.near} of ${v.found} (${pct(v.near, v.found)})`)
      .join(', ')}`,
  );
  if (split === 'dev') for (const e of errors) console.log(`  ${e}`);
}

/**
 * A second annotation of some occurrences (`batch <TAB> O<n> <TAB> id|null <TAB> precision|reason <TAB> note`)
 * against the place files: the same place within 25 km, or null for both.
 */
function placeAgree(tsv: string): void {
  let n = 0;
  let same = 0;
  const differ: string[] = [];
  for (const [i, raw] of readFileSync(tsv, 'utf8').split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [b, o, id = ''] = line.split('\t').map((x) => x.trim());
    const occurrence = occurrencesOf(readBatch(Number(b)))[Number(o.replace(/^O/, '')) - 1];
    if (!occurrence) throw new Error(`${tsv}:${i + 1}: batch ${b} has no occurrence ${o}`);
    const first = readPlaces(Number(b)).places.find((p) => occurrenceKey(p) === occurrenceKey(occurrence));
    if (!first) continue;
    n++;
    const geo = id === 'null' ? null : id.startsWith('gn:') ? arabWorldGeo(id) : packGeo(id);
    if (id !== 'null' && !geo) throw new Error(`${tsv}:${i + 1}: no gazetteer entry "${id}"`);
    const agree =
      geo === null || first.location === null
        ? geo === null && first.location === null
        : distanceKm(geo.lat, geo.lon, first.location.lat, first.location.lon) <= 25;
    if (agree) same++;
    else
      differ.push(
        `  B${b}:${o} ${occurrenceKey(occurrence)}: first ${first.location?.name ?? `null (${first.reason})`}, second ${geo?.name ?? 'null'}`,
      );
  }
  console.log(
    `${n} occurrences placed twice: the same place (within 25 km, or both null) for ${same} (${((100 * same) / Math.max(1, n)).toFixed(1)}%)`,
  );
  for (const d of differ) console.log(d);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    batch: { type: 'string' },
    articles: { type: 'string', default: '100' },
    worksheet: { type: 'string' },
    labels: { type: 'string' },
    annotator: { type: 'string', default: 'Marsad helper' },
    split: { type: 'string', default: 'test' },
  },
});
const batch = Number(values.batch);
switch (positionals[0]) {
  case 'draw':
    draw(batch, Number(values.articles), values.worksheet ?? `/tmp/candidates-${batch}.worksheet.txt`);
    break;
  case 'apply':
    apply(batch, values.labels!, values.annotator);
    break;
  case 'occurrence-sheet':
    occurrenceSheet(batch, values.worksheet ?? `/tmp/occurrences-${batch}.worksheet.txt`);
    break;
  case 'occurrences':
    applyOccurrences(batch, values.labels!);
    break;
  case 'score':
    score(values.split === 'dev' ? 'dev' : 'test');
    break;
  case 'check':
    check();
    break;
  case 'agree':
    agree(batch, values.labels!);
    break;
  case 'place-sheet':
    placeSheet(
      batch,
      values.split === 'dev' || values.split === 'test' ? values.split : 'all',
      values.worksheet ?? `/work/scratch-placelabels/places-${batch}-${values.split}.txt`,
    );
    break;
  case 'place-find':
    for (const q of positionals.slice(1)) {
      console.log(`== ${q}`);
      placeFind(q);
    }
    break;
  case 'place-apply':
    placeApply(batch, values.labels!, values.annotator);
    break;
  case 'place-check':
    placeCheck();
    break;
  case 'place-agree':
    placeAgree(values.labels!);
    break;
  case 'place-score':
    placeScore(values.split === 'dev' ? 'dev' : 'test');
    break;
  default:
    console.error(
      'usage: candidate-labels.ts draw|apply|occurrence-sheet|occurrences|score|check|agree|place-sheet|place-find|place-apply|place-check|place-agree|place-score (see the comment at the top)',
    );
    process.exitCode = 2;
}
