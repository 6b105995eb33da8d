/**
 * Finds the gazetteer names that are mostly ordinary words in the news (الجمعة "Friday", علي,
 * بين "between", المائة "hundred", الأبيض "white"), from how the corpora of ../shared use them:
 * for each one- or two-word place name of the packs, how often it is written and how often a
 * place cue stands before it (a place noun or direction word: مدينة، بلدة، جنوب...; a locative
 * preposition: في، بـ، قرب، من، إلى...). A name written often and seldom after a cue is a word
 * first: packs/ar/common-word-names-corpus.json lists it, and recognition then wants a place
 * noun or a direction word before it.
 *
 *   ../shared/datasets/ant-corpus/ant-v1.1.jsonl                 10k articles, Jawhara FM (Tunisia)
 *   ../shared/datasets/ant-multisource/ant-ms-v2.1-dev.jsonl     the 2018 multi-source corpus
 *
 * Only counts are written, never text. Run: node --import tsx scripts/build-common-word-names.ts
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { normalizeForMatch } from '../src/text/normalize.js';
import { loadGazetteer, nameKeyOf } from '../src/knowledge/places.js';
import { ANT_CORPUS, ANT_MULTISOURCE_CORPUS, sharedFile } from '../src/core/shared-data.js';

const repo = fileURLToPath(new URL('../', import.meta.url));

/** The cue words recognition uses (packs/ar/place-cues.json): place nouns and directions (strong), prepositions. */
const placeCues = JSON.parse(readFileSync(join(repo, 'packs/ar/place-cues.json'), 'utf8')) as {
  place_nouns: string[];
  facility_nouns: string[];
  prepositions: string[];
};
const stripArticle = (s: string) => (s.startsWith('ال') && s.length >= 4 ? s.slice(2) : s);
const PLACE_NOUNS = new Set(placeCues.place_nouns.map((w) => stripArticle(normalizeForMatch(w))));
const PREPOSITIONS = new Set(placeCues.prepositions.map(normalizeForMatch));
const AREA_OR_DIRECTION = new Set(
  ['منطقة', 'مناطق', 'شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'شمالي', 'جنوبي', 'شرقي', 'غربي'].map(normalizeForMatch),
);
const FACILITY_NOUNS = new Set(placeCues.facility_nouns.map((w) => stripArticle(normalizeForMatch(w))));

/**
 * From this many uses up, a name is a word when under MAX_CUED_SHARE of them follow any cue, or,
 * for a name no capital or admin1 seat carries (importance KNOWN_PLACE or more), under
 * MAX_PLACE_NOUN_SHARE follow a place noun or direction (في المبنى is "in the building"; a
 * town is "مدينة X" or "جنوب X" now and then). The cue words themselves (شرق، محيط) are words.
 */
const MIN_USES = 20;
const MAX_CUED_SHARE = 0.12;
const MAX_PLACE_NOUN_SHARE = 0.02;
const KNOWN_PLACE = 75;

interface Use {
  total: number;
  /** After a place noun or direction word. */
  placeCue: number;
  /** After a locative preposition (glued بـ included). */
  preposition: number;
}

/** The key a written word is matched under: without و/ف, a glued preposition and ال. */
function readings(word: string): { key: string; glued: boolean }[] {
  const out: { key: string; glued: boolean }[] = [];
  let w = word;
  if (/^[وف]/.test(w) && w.length > 3) w = w.slice(1);
  const strip = (s: string) => (s.startsWith('ال') && s.length >= 4 ? s.slice(2) : s);
  out.push({ key: strip(w), glued: false });
  if (/^[بل]/.test(w) && w.length > 3) {
    const rest = w.startsWith('لل') ? w.slice(2) : w.slice(1);
    out.push({ key: strip(rest), glued: w.startsWith('ب') });
  }
  return out;
}

async function countUses(path: string, names: ReadonlySet<string>, uses: Map<string, Use>): Promise<number> {
  let articles = 0;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const article = JSON.parse(line) as { title?: string; text?: string };
    articles++;
    const words = normalizeForMatch(`${article.title ?? ''} . ${article.text ?? ''}`)
      .split(/[^\u0621-\u064a]+/)
      .filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const before = i > 0 ? words[i - 1].replace(/^و/, '') : '';
      const beforeKey = before.startsWith('ال') && before.length >= 4 ? before.slice(2) : before;
      for (const { key, glued } of readings(words[i])) {
        for (const k of [key, i + 1 < words.length ? `${key} ${words[i + 1]}` : '']) {
          if (!k || !names.has(k)) continue;
          const use = uses.get(k) ?? { total: 0, placeCue: 0, preposition: 0 };
          use.total++;
          if (PLACE_NOUNS.has(beforeKey)) use.placeCue++;
          else if (glued || PREPOSITIONS.has(before)) use.preposition++;
          uses.set(k, use);
        }
      }
    }
  }
  return articles;
}

async function main(): Promise<void> {
  const gazetteer = loadGazetteer();
  const names = new Set<string>();
  /** Names a known place carries: a town of note, a hand-written world city (written with its place noun when it is a word). */
  const known = new Set<string>();
  for (const name of gazetteer.placeNames()) {
    if (name.words.length > 2) continue;
    names.add(name.words.join(' '));
    if ((gazetteer.byId.get(name.id)?.importance ?? 0) >= KNOWN_PLACE) known.add(name.words.join(' '));
  }
  for (const table of gazetteer.placeTables)
    for (const key of table.keys()) {
      if (key.words.length > 2) continue;
      names.add(key.words.join(' '));
      if (key.rows.some((r) => table.place(r.row).importance >= KNOWN_PLACE)) known.add(key.words.join(' '));
    }
  // Hand-written names are left alone: world cities (written with their place noun when they are
  // words) and countries (تونس is Tunis and Tunisia before it is anything else).
  const worldCities = new Set<string>();
  for (const city of gazetteer.cities)
    for (const alias of [city.name_ar, ...city.aliases_ar]) worldCities.add(nameKeyOf(alias).words.join(' '));
  for (const country of gazetteer.countries)
    for (const alias of [country.name_ar, ...country.aliases_ar]) worldCities.add(nameKeyOf(alias).words.join(' '));
  const uses = new Map<string, Use>();
  const corpora: string[] = [];
  for (const parts of [ANT_CORPUS, ANT_MULTISOURCE_CORPUS]) {
    const path = sharedFile(...parts);
    if (!path) throw new Error(`../shared/${parts.join('/')} is absent: the counts need both corpora`);
    const n = await countUses(path, names, uses);
    corpora.push(`${parts.join('/')} (${n} articles)`);
  }
  const cueWords = new Set([...PLACE_NOUNS, ...PREPOSITIONS].map(stripArticle));
  // A name of two words that opens on a place noun or a facility's (محافظة البحيرة، ولاية سوسة،
  // مطار التيفور، قاعدة حميميم) names the place in its own words: how seldom a cue precedes it
  // says nothing of it being a word.
  // Not an area or a direction: "المنطقة الشرقية" and "جنوب لبنان" are also said of any region.
  const namesItself = (name: string) => {
    const [head, rest] = name.split(' ');
    return rest !== undefined && !AREA_OR_DIRECTION.has(head) && (PLACE_NOUNS.has(head) || FACILITY_NOUNS.has(head));
  };
  const isWord = (name: string, u: Use) =>
    cueWords.has(name) ||
    (!worldCities.has(name) &&
      !namesItself(name) &&
      u.total >= MIN_USES &&
      ((u.placeCue + u.preposition) / u.total < MAX_CUED_SHARE ||
        (!known.has(name) && u.placeCue / u.total < MAX_PLACE_NOUN_SHARE)));
  for (const w of cueWords) if (names.has(w) && !uses.has(w)) uses.set(w, { total: 0, placeCue: 0, preposition: 0 });
  const words = [...uses]
    .filter(([name, u]) => isWord(name, u))
    .sort((a, b) => b[1].total - a[1].total || (a[0] < b[0] ? -1 : 1))
    .map(([name, u]) => ({ name, uses: u.total, after_place_noun: u.placeCue, after_preposition: u.preposition }));
  const file = {
    $meta: {
      description:
        'Gazetteer names (one or two words, normalised, the first without ال) that the news mostly uses as ordinary words: written at least 20 times in the corpora, and under 12% of those after a place cue (a place noun or direction word, or في، بـ، قرب، من، إلى، نحو، داخل، حول، بين), or, when no capital or admin1 seat (importance 75 or more) carries the name, under 2% after a place noun or direction word; and the cue words themselves (شرق، محيط). Names of packs/world/cities.json (which writes a word-like city with its place noun) and of countries are left out. Recognition reads them with packs/ar/common-word-names.json: such a name is a place only after a place noun or a direction word. The counts behind each verdict are given.',
      version: '1.0.0',
      provenance: `Counted by scripts/build-common-word-names.ts over ../shared/datasets: ${corpora.join('; ')}. Counts only, no text.`,
      licence: 'MIT',
    },
    names: words,
  };
  writeFileSync(join(repo, 'packs/ar/common-word-names-corpus.json'), JSON.stringify(file, null, 1) + '\n');
  process.stdout.write(`${words.length} common-word names of ${uses.size} names seen\n`);
}

await main();
