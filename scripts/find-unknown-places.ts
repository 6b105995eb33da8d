/**
 * Candidates for a theatre's places-additions.json: the words that follow a place cue (a place
 * noun or direction of packs/ar/place-cues.json: مدينة، بلدة، مديرية، منطقة، جنوب...) in the
 * corpora of ../shared and that no name of the packs resolves (theatre gazetteers with their
 * additions, world cities, countries, admin areas). Each is counted per corpus, with the
 * countries its articles name most and a few contexts, most frequent first. Read the contexts,
 * find the place (gazetteer-arab-world, scripts/find-name.ts), and write the spelling with its
 * counts as evidence (CONTRIBUTING.md, "Adding a place").
 *
 * The output quotes article text: keep it outside the repository (the corpora's text is never
 * copied into it).
 *
 *   node --import tsx scripts/find-unknown-places.ts [--min 3] [--countries SD,SS,SO] > /tmp/unknown.txt
 *
 * --min: the fewest uses after a cue to be listed (default 3); --min-share: the least share of
 * all its uses that follow a cue (default 0.02: a word of the language seldom does); --countries:
 * keep the names whose articles mostly name one of these countries (ISO alpha-2).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { normalizeForMatch } from '../src/text/normalize.js';
import { loadGazetteer, nameKeyOf } from '../src/knowledge/places.js';
import { ANT_CORPUS, ANT_MULTISOURCE_CORPUS, sharedFile } from '../src/core/shared-data.js';

const repo = fileURLToPath(new URL('../', import.meta.url));

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const MIN = Number(option('--min') ?? 3);
/** The least share of a word's uses that follow a cue: below it, a word of the language (سيطرة، عدة). */
const MIN_SHARE = Number(option('--min-share') ?? 0.02);
const COUNTRIES = option('--countries')?.split(',').filter(Boolean) ?? [];
/** Contexts kept per name, and their width each side of the cue. */
const CONTEXTS = 3;
const WIDTH = 70;

const keyOf = (name: string) => nameKeyOf(name).words.join(' ');
const normalized = new Map<string, string>();
/** A token's normalised form (a corpus repeats its words: each is normalised once). */
function norm(token: string): string {
  let hit = normalized.get(token);
  if (hit === undefined) normalized.set(token, (hit = normalizeForMatch(token)));
  return hit;
}

const gazetteer = loadGazetteer();
const known = new Set<string>();
for (const table of gazetteer.placeTables) for (const key of table.sortedKeys()) known.add(key);
for (const name of gazetteer.placeNames()) known.add(name.words.join(' '));
for (const city of gazetteer.cities) for (const n of [city.name_ar, ...city.aliases_ar]) known.add(keyOf(n));
for (const area of gazetteer.adminAreas)
  for (const n of [area.name_ar, ...(area.aliases_ar ?? [])]) known.add(keyOf(n));
/** One-word names of countries, their demonyms and their big cities: they tell an article's country. */
const countryWords = new Map<string, string>();
for (const c of gazetteer.countries)
  for (const n of [c.name_ar, ...c.aliases_ar, ...c.demonyms_ar]) {
    known.add(keyOf(n));
    if (!keyOf(n).includes(' ')) countryWords.set(keyOf(n), c.iso2);
  }
for (const city of gazetteer.cities)
  if (city.importance >= 60)
    for (const n of [city.name_ar, ...city.aliases_ar])
      if (!keyOf(n).includes(' ')) countryWords.set(keyOf(n), city.country);

const cueFile = JSON.parse(readFileSync(join(repo, 'packs/ar/place-cues.json'), 'utf8')) as {
  place_nouns: string[];
  generic_nouns: string[];
};
/** Place nouns that stand before a name (not محيط، مدخل، مركز, which stand before anything). */
const CUES = new Set(cueFile.place_nouns.map(norm).filter((c) => !['محيط', 'مدخل', 'مركز'].includes(c)));
CUES.add(norm('محلية'));
/** Words that are no name: the cues themselves and the generic nouns (البلاد، العاصمة). */
const NOT_NAMES = new Set([...cueFile.place_nouns, ...cueFile.generic_nouns].map(keyOf));

interface Candidate {
  counts: Map<string, number>;
  countries: Map<string, number>;
  forms: Map<string, number>;
  contexts: string[];
}
const candidates = new Map<string, Candidate>();
/** Every word's uses, keyed as a name's first word, to tell names from words. */
const uses = new Map<string, number>();
/** Arabic words (letters, tatweel, harakat) and single signs: punctuation ends a name. */
const TOKEN = /(?:[\u0621-\u064A\u0640]|\p{M})+|[^\s\u0621-\u064A]/gu;
const ARABIC = /^[\u0621-\u064A]/;

function scanArticle(text: string, corpus: string): void {
  const tokens = Array.from(text.matchAll(TOKEN), (m) => ({ raw: m[0], at: m.index, arabic: ARABIC.test(m[0]) }));
  const named = new Map<string, number>();
  for (const t of tokens) {
    if (!t.arabic) continue;
    const key = keyOf(norm(t.raw));
    uses.set(key, (uses.get(key) ?? 0) + 1);
    const iso = countryWords.get(key) ?? countryWords.get(key.replace(/^[وبلف]/, ''));
    if (iso) named.set(iso, (named.get(iso) ?? 0) + 1);
  }
  const country = [...named].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '?';
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!tokens[i].arabic) continue;
    const cue = norm(tokens[i].raw);
    if (!CUES.has(cue) && !CUES.has(cue.replace(/^(و|ف)?(ب|ل)?/, ''))) continue;
    const words: string[] = [];
    for (let j = i + 1; j < tokens.length && j <= i + 3 && tokens[j].arabic; j++) words.push(norm(tokens[j].raw));
    if (words.length === 0) continue;
    const first = keyOf(words[0]);
    if (first.length < 3 || NOT_NAMES.has(first) || CUES.has(words[0]) || CUES.has(words[0].replace(/^و/, '')))
      continue;
    if (words.some((_, n) => known.has(keyOf(words.slice(0, n + 1).join(' '))))) continue;
    let c = candidates.get(first);
    if (!c) candidates.set(first, (c = { counts: new Map(), countries: new Map(), forms: new Map(), contexts: [] }));
    c.counts.set(corpus, (c.counts.get(corpus) ?? 0) + 1);
    c.countries.set(country, (c.countries.get(country) ?? 0) + 1);
    c.forms.set(tokens[i + 1].raw, (c.forms.get(tokens[i + 1].raw) ?? 0) + 1);
    if (c.contexts.length < CONTEXTS) {
      const at = tokens[i].at;
      c.contexts.push(text.slice(Math.max(0, at - WIDTH), at + WIDTH).replace(/\s+/g, ' '));
    }
  }
}

async function main(): Promise<void> {
  const corpora = [
    { name: 'ant-multisource', path: sharedFile(...ANT_MULTISOURCE_CORPUS) },
    { name: 'ant-corpus', path: sharedFile(...ANT_CORPUS) },
  ];
  if (corpora.every((c) => c.path === null)) {
    process.stderr.write('find-unknown-places: no corpus in ../shared/datasets (ant-multisource, ant-corpus)\n');
    process.exit(2);
  }
  for (const { name, path } of corpora) {
    if (!path) continue;
    for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      const article = JSON.parse(line) as { title?: string; text?: string };
      scanArticle(`${article.title ?? ''}\n${article.text ?? ''}`, name);
    }
  }
  const total = (c: Candidate) => [...c.counts.values()].reduce((a, b) => a + b, 0);
  const top = <K>(m: Map<K, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  const rows = [...candidates]
    .filter(([key, c]) => total(c) >= MIN && total(c) >= MIN_SHARE * (uses.get(key) ?? 0))
    .filter(([, c]) => {
      if (COUNTRIES.length === 0) return true;
      const inScope = [...c.countries].filter(([iso]) => COUNTRIES.includes(iso)).reduce((a, [, n]) => a + n, 0);
      return inScope * 2 >= total(c);
    })
    .sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1));
  for (const [key, c] of rows) {
    const counts = top(c.counts, 5).map(([corpus, n]) => `${corpus} ${n}`);
    const forms = top(c.forms, 3).map(([form]) => form);
    const countries = top(c.countries, 3).map(([iso, n]) => `${iso} ${n}`);
    const share = `${Math.round((100 * total(c)) / (uses.get(key) ?? total(c)))}% of ${uses.get(key) ?? 0} uses`;
    process.stdout.write(
      `${total(c)}\t${key}\t${forms.join('، ')}\t${counts.join(', ')}\t${share}\t${countries.join(', ')}\n`,
    );
    for (const context of c.contexts) process.stdout.write(`\t\t${context}\n`);
  }
  process.stderr.write(`${rows.length} names after a place cue that the packs do not resolve\n`);
}

await main();
