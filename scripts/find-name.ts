/**
 * Which places, countries, actors and people a name already names, as the matcher sees it
 * (harakat, hamza forms, ة/ه and ى/ي ignored): run it before adding a name to a pack.
 *
 *   node --import tsx scripts/find-name.ts "تاجورة" ["الجيش الجيبوتي" ...]
 */
import { loadActors } from '../src/knowledge/actors.js';
import { loadGazetteer } from '../src/knowledge/places.js';
import { normalizeForMatch } from '../src/text/normalize.js';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: find-name.ts NAME [NAME ...]');
  process.exit(2);
}
const gazetteer = loadGazetteer();
const actors = loadActors();
const named: [string, string[]][] = [
  ...gazetteer.places.map((p): [string, string[]] => [
    `place ${p.id} (${p.name_en}, ${p.country})`,
    [p.name_ar, ...p.aliases_ar],
  ]),
  ...gazetteer.cities.map((c): [string, string[]] => [
    `city ${c.id} (${c.name_en}, ${c.country})`,
    [c.name_ar, ...c.aliases_ar],
  ]),
  ...gazetteer.countries.map((c): [string, string[]] => [
    `country ${c.iso2} (${c.name_en})`,
    [c.name_ar, ...c.aliases_ar, ...c.demonyms_ar],
  ]),
  ...[...actors.actors, ...actors.people].map((e): [string, string[]] => [
    `${e.type} ${e.id}`,
    e.aliases_ar.map((a) => a.text),
  ]),
];
for (const name of names) {
  const key = normalizeForMatch(name);
  const hits = named.filter(([, aliases]) => aliases.some((a) => normalizeForMatch(a) === key)).map(([what]) => what);
  console.log(`${name}: ${hits.length ? hits.join('; ') : 'not in any pack'}`);
}
