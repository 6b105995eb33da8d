/**
 * Draws the articles of the multi-source gold (eval/gold/README.md) from
 * ../shared/datasets/ant-multisource, deterministically (hashes, no random state), and writes the
 * list with each article's stratum, split and annotation batch. Only ids and labels are written.
 *
 *   node --import tsx scripts/select-gold-sample.ts --out eval/gold/ant-ms-sample.json
 *
 * Strata, so that the gold looks like the news users feed in and like the held-out evaluation:
 * - conflict: world and Middle East articles whose title has a violence word and whose head names
 *   a theatre, taken round-robin over outlet × theatre so no outlet or theatre dominates;
 * - world-random: any world or Middle East article;
 * - other-tempting: sport, economy, culture and technology articles holding a violence word (the
 *   false alarms an extractor is tempted by);
 * - other-random: any sport, economy, culture or technology article.
 * The split (a third to `test`) is a hash of the id, so it never depends on what was annotated.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const SIZES = { conflict: 120, 'world-random': 50, 'other-tempting': 40, 'other-random': 40 } as const;
type Stratum = keyof typeof SIZES | 'conflict-theatre';
const BATCHES = 5;
/**
 * Version 2 adds articles after the first 250 were annotated, drawn by the same orders (the
 * conflict round-robin and the world hash order continued past what version 1 took) but only
 * among articles whose split hash is `dev`, so the test portion stays the same 87 articles.
 */
const EXTENSION = { conflict: 48, 'world-random': 16 } as const;
const EXTENSION_BATCHES = [6, 7, 8, 9];
/**
 * Version 3 adds conflict reports of one theatre the gold had few of (Afghanistan: 15 events),
 * for reading its actor pack on: the same conflict filter, that theatre only, in hash order,
 * development split only.
 */
const THEATRE_EXTENSION = { theatre: 'AF', size: 20, batches: [10, 11] } as const;
/**
 * Version 4 continues the conflict round-robin past what versions 1 to 3 took (development split
 * only), because the development figures had drifted above the test portion's again.
 */
const CONFLICT_EXTENSION = { size: 30, batches: [12, 13, 14] } as const;
/** Version 5 continues it again, for the same reason, once version 4's batches had been read. */
const CONFLICT_EXTENSION_2 = { size: 30, batches: [15, 16, 17] } as const;
/**
 * Version 6 continues both orders (conflict reports and any world article, development split
 * only) once version 5's batches had been read, so that the rules of that reading are measured on
 * articles no rule was written from.
 */
const EXTENSION_3 = { conflict: 24, 'world-random': 6, batches: [18, 19, 20] } as const;
/**
 * Version 7 continues them again, drawn with version 6 and annotated at once, but read only after
 * the rules written from version 6: a development check that no rule of that reading has seen.
 */
const EXTENSION_4 = { conflict: 24, 'world-random': 6, batches: [21, 22, 23] } as const;

const VIOLENCE =
  /قتل|قتيل|قتلى|مقتل|هجوم|غارة|غارات|قصف|انفجار|تفجير|اشتباك|معارك|اختطاف|خطف|اعتقال|مظاهر|احتجاج|صاروخ|مسلح|انتحاري|عبوة/;
const THEATRES: Array<[string, RegExp]> = [
  ['SY', /سوري/],
  ['YE', /اليمن|يمني|الحوثي|عدن|الحديدة/],
  ['IQ', /العراق|عراقي|بغداد|الموصل/],
  ['LY', /ليبيا|ليبي|طرابلس|بنغازي/],
  ['PS', /غزة|فلسطين|الضفة|القدس/],
  ['EG', /سيناء|مصر|العريش/],
  ['SD', /السودان|دارفور/],
  ['AF', /أفغانستان|أفغاني|كابل|طالبان/],
  ['SO', /الصومال|الشباب/],
  ['ML', /مالي|النيجر|بوركينا|الساحل/],
  ['LB', /لبنان|بيروت/],
];
const WORLD = new Set(['internationalNews', 'middleEast']);

interface Rec {
  id: string;
  source: string;
  category: string;
  title: string;
  text: string;
}
interface Drawn {
  doc: string;
  stratum: Stratum;
  outlet: string;
  section: string;
  theatre: string | null;
}

const hash = (salt: string, id: string) => createHash('sha256').update(`${salt}:${id}`).digest('hex');
const byHash = (salt: string) => (a: Rec, b: Rec) => (hash(salt, a.id) < hash(salt, b.id) ? -1 : 1);

function theatreOf(r: Rec): string | null {
  const head = `${r.title} ${r.text.slice(0, 300)}`;
  return THEATRES.find(([, re]) => re.test(head))?.[0] ?? null;
}

/** Round-robin over the groups (each already in hash order) until `n` are taken. */
function roundRobin<T>(groups: T[][], n: number): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < n && groups.some((g) => i < g.length); i++) {
    for (const g of groups) if (i < g.length && out.length < n) out.push(g[i]);
  }
  return out;
}

function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
}

const splitOf = (id: string): 'dev' | 'test' =>
  parseInt(hash('split', id).slice(0, 8), 16) % 3 === 0 ? 'test' : 'dev';

function draw(records: Rec[]): {
  first: Drawn[];
  extension: Drawn[];
  theatre: Drawn[];
  conflictMore: Drawn[];
  conflictMore2: Drawn[];
  extension3: Drawn[];
  extension4: Drawn[];
} {
  const taken = new Set<string>();
  const out: Drawn[] = [];
  const take = (stratum: Stratum, picked: Rec[]) => {
    for (const r of picked) {
      taken.add(r.id);
      out.push({ doc: r.id, stratum, outlet: r.source, section: r.category, theatre: theatreOf(r) });
    }
  };
  const world = records.filter((r) => WORLD.has(r.category));
  const other = records.filter((r) => !WORLD.has(r.category));
  const conflict = world.filter((r) => VIOLENCE.test(r.title) && theatreOf(r) !== null).sort(byHash('conflict'));
  const conflictOrder = roundRobin(
    groupBy(conflict, (r) => `${r.source}/${theatreOf(r)}`),
    conflict.length,
  );
  take('conflict', conflictOrder.slice(0, SIZES.conflict));
  const free = (rs: Rec[]) => rs.filter((r) => !taken.has(r.id));
  const worldOrder = roundRobin(
    groupBy(free(world).sort(byHash('world')), (r) => r.source),
    world.length,
  );
  take('world-random', worldOrder.slice(0, SIZES['world-random']));
  const tempting = free(other)
    .filter((r) => VIOLENCE.test(r.text))
    .sort(byHash('tempting'));
  take(
    'other-tempting',
    roundRobin(
      groupBy(tempting, (r) => `${r.source}/${r.category}`),
      SIZES['other-tempting'],
    ),
  );
  take(
    'other-random',
    roundRobin(
      groupBy(free(other).sort(byHash('other')), (r) => `${r.source}/${r.category}`),
      SIZES['other-random'],
    ),
  );
  const first = out.splice(0);
  const freeDev = (rs: Rec[]) => free(rs).filter((r) => splitOf(r.id) === 'dev');
  take('conflict', freeDev(conflictOrder).slice(0, EXTENSION.conflict));
  take('world-random', freeDev(worldOrder).slice(0, EXTENSION['world-random']));
  const extension = out.splice(0);
  const ofTheatre = freeDev(conflict.filter((r) => theatreOf(r) === THEATRE_EXTENSION.theatre)).sort(byHash('theatre'));
  take('conflict-theatre', ofTheatre.slice(0, THEATRE_EXTENSION.size));
  const theatre = out.splice(0);
  take('conflict', freeDev(conflictOrder).slice(0, CONFLICT_EXTENSION.size));
  const conflictMore = out.splice(0);
  take('conflict', freeDev(conflictOrder).slice(0, CONFLICT_EXTENSION_2.size));
  const conflictMore2 = out.splice(0);
  take('conflict', freeDev(conflictOrder).slice(0, EXTENSION_3.conflict));
  take('world-random', freeDev(worldOrder).slice(0, EXTENSION_3['world-random']));
  const extension3 = out.splice(0);
  take('conflict', freeDev(conflictOrder).slice(0, EXTENSION_4.conflict));
  take('world-random', freeDev(worldOrder).slice(0, EXTENSION_4['world-random']));
  return { first, extension, theatre, conflictMore, conflictMore2, extension3, extension4: out };
}

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (values.out === undefined) {
  console.error('usage: select-gold-sample.ts --out FILE');
  process.exit(2);
}
const corpus = resolve(
  dirname(new URL(import.meta.url).pathname),
  '..',
  '..',
  'shared',
  'datasets',
  'ant-multisource',
  'ant-ms-v2.1-dev.jsonl',
);
const records = readFileSync(corpus, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Rec);
const { first, extension, theatre, conflictMore, conflictMore2, extension3, extension4 } = draw(records);
// Batches interleave the strata, so a batch annotated halfway is still a balanced sample.
const interleaved = (drawn: Drawn[]) =>
  roundRobin(
    groupBy(drawn, (d) => d.stratum),
    drawn.length,
  );
const documents = [
  ...interleaved(first).map((d, i) => ({ ...d, split: splitOf(d.doc), batch: (i % BATCHES) + 1 })),
  ...interleaved(extension).map((d, i) => ({
    ...d,
    split: splitOf(d.doc),
    batch: EXTENSION_BATCHES[i % EXTENSION_BATCHES.length],
  })),
  ...theatre.map((d, i) => ({
    ...d,
    split: splitOf(d.doc),
    batch: THEATRE_EXTENSION.batches[i % THEATRE_EXTENSION.batches.length],
  })),
  ...conflictMore.map((d, i) => ({
    ...d,
    split: splitOf(d.doc),
    batch: CONFLICT_EXTENSION.batches[i % CONFLICT_EXTENSION.batches.length],
  })),
  ...conflictMore2.map((d, i) => ({
    ...d,
    split: splitOf(d.doc),
    batch: CONFLICT_EXTENSION_2.batches[i % CONFLICT_EXTENSION_2.batches.length],
  })),
  ...interleaved(extension3).map((d, i) => ({
    ...d,
    split: splitOf(d.doc),
    batch: EXTENSION_3.batches[i % EXTENSION_3.batches.length],
  })),
  ...interleaved(extension4).map((d, i) => ({
    ...d,
    split: splitOf(d.doc),
    batch: EXTENSION_4.batches[i % EXTENSION_4.batches.length],
  })),
];
writeFileSync(
  values.out,
  JSON.stringify(
    {
      $meta: {
        description:
          'Articles of ant-ms-v2.1 drawn for the multi-source gold: ids, strata, split and batch only (no text). Made by scripts/select-gold-sample.ts.',
        corpus: 'ant-ms-v2.1',
        strata: SIZES,
        extension: EXTENSION,
        theatre_extension: THEATRE_EXTENSION,
        conflict_extension: CONFLICT_EXTENSION,
        conflict_extension_2: CONFLICT_EXTENSION_2,
        extension_3: EXTENSION_3,
        extension_4: EXTENSION_4,
      },
      documents,
    },
    null,
    1,
  ) + '\n',
);
const count = (k: (d: (typeof documents)[number]) => string) =>
  Object.fromEntries(groupBy(documents, k).map((g) => [k(g[0]), g.length]));
console.log(
  `${values.out}: ${documents.length} articles`,
  count((d) => d.split),
  count((d) => d.outlet),
  count((d) => d.theatre ?? '-'),
  count((d) => d.stratum),
);
