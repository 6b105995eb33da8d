/**
 * ACLED's `notes`: one English paragraph written from the event's fields (never from the
 * article's words, which are Arabic), e.g. "On 7 April 2019, Military Forces of Libya (2014-)
 * Libyan National Army carried out an air strike on Libya Dawn south of Tripoli (Tripoli).
 * [claimed by a source quoted in the report] 0 fatalities reported."
 */
import type { EventActor, EventRecord } from '../events/record.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "7 April 2019"; "April 2019" when only the month is known. */
function englishDate(date: string, monthOnly: boolean): string {
  const [year, month, day] = date.split('-').map(Number);
  const monthYear = `${MONTHS[month - 1]} ${year}`;
  return monthOnly ? monthYear : `${day} ${monthYear}`;
}

function datePhrase(r: EventRecord): string {
  if (!r.date) return 'On an unknown date';
  if (r.time_precision === 3) return `In ${englishDate(r.date, true)}`;
  if (r.time_precision === 2) return `Around ${englishDate(r.date, false)}`;
  return `On ${englishDate(r.date, false)}`;
}

/** "A", "A and B", "A, B and C". */
function listPhrase(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function partyPhrase(main: EventActor | null, associates: EventActor[]): string | null {
  const names = [main, ...associates].filter((a): a is EventActor => a !== null).map((a) => a.name);
  return names.length ? listPhrase(names) : null;
}

type Action = (target: string | null, r: EventRecord) => string;

function strikeNoun(r: EventRecord): string {
  return r.plover.mode === 'drone'
    ? 'a drone strike'
    : r.plover.mode === 'aerial'
      ? 'an air strike'
      : 'an air or drone strike';
}

/** What actor 1 did, by ACLED sub-event type, with actor 2 as its object when there is one. */
const ACTIONS: Record<string, Action> = {
  'Government regains territory': (t) => (t ? `regained territory from ${t}` : 'regained territory'),
  'Non-state actor overtakes territory': (t) => (t ? `took over territory from ${t}` : 'took over territory'),
  'Armed clash': (t) => (t ? `clashed with ${t}` : 'engaged in an armed clash'),
  'Excessive force against protesters': (t) => `used excessive force against ${t ?? 'protesters'}`,
  'Protest with intervention': () => 'held a protest that was met with an intervention',
  'Peaceful protest': () => 'held a peaceful protest',
  'Violent demonstration': () => 'held a violent demonstration',
  'Mob violence': (t) => (t ? `engaged in mob violence against ${t}` : 'engaged in mob violence'),
  'Chemical weapon': (t) => (t ? `used a chemical weapon against ${t}` : 'used a chemical weapon'),
  'Air/drone strike': (t, r) => (t ? `carried out ${strikeNoun(r)} on ${t}` : `carried out ${strikeNoun(r)}`),
  'Suicide bomb': (t) => (t ? `carried out a suicide bombing targeting ${t}` : 'carried out a suicide bombing'),
  'Shelling/artillery/missile attack': (t) =>
    t ? `shelled ${t}` : 'carried out a shelling, artillery or missile attack',
  'Remote explosive/landmine/IED': (t) =>
    t ? `detonated an explosive device targeting ${t}` : 'detonated an explosive device',
  Grenade: (t) => (t ? `threw a grenade at ${t}` : 'threw a grenade'),
  'Sexual violence': (t) => (t ? `committed sexual violence against ${t}` : 'committed sexual violence'),
  Attack: (t) => (t ? `attacked ${t}` : 'carried out an attack'),
  'Abduction/forced disappearance': (t) => (t ? `abducted ${t}` : 'carried out an abduction'),
  Agreement: (t) => (t ? `reached an agreement with ${t}` : 'reached an agreement'),
  Arrests: (t) => (t ? `arrested ${t}` : 'made arrests'),
  'Change to group/activity': () => 'changed its group or activity',
  'Disrupted weapons use': (t) => (t ? `disrupted weapons use by ${t}` : 'seized or defused weapons'),
  'Headquarters or base established': () => 'established a headquarters or base',
  'Looting/property destruction': (t) => (t ? `looted or destroyed property of ${t}` : 'looted or destroyed property'),
  'Non-violent transfer of territory': (t) =>
    t ? `took over territory from ${t} without fighting` : 'took over territory without fighting',
  Other: (t) => (t ? `was involved in a strategic development with ${t}` : 'was involved in a strategic development'),
};

function actionPhrase(r: EventRecord, target: string | null): string {
  const action = ACTIONS[r.sub_event_type];
  if (action) return action(target, r);
  const kind = `${r.event_type} (${r.sub_event_type})`.toLowerCase();
  return target
    ? `was involved in an event of type ${kind} with ${target}`
    : `was involved in an event of type ${kind}`;
}

/** " south of Tripoli (Tripoli)", " near Benghazi (Benghazi)", " in Zawiya (Zawiya)", or "". */
export function placePhrase(r: EventRecord): string {
  const loc = r.location;
  if (!loc) return '';
  const district = loc.admin1 ? ` (${loc.admin1})` : '';
  if (loc.geo_precision === 2 && loc.direction === 'centre') return ` in central ${loc.name}${district}`;
  if (loc.geo_precision === 2 && loc.direction) return ` ${loc.direction} of ${loc.name}${district}`;
  if (loc.geo_precision === 2) return ` near ${loc.name}${district}`;
  if (loc.geo_precision === 3 && !loc.id.startsWith('country:')) return ` in the area of ${loc.name}${district}`;
  return ` in ${loc.name}${district}`;
}

const MODALITY_NOTES: Record<string, string> = {
  claimed: '[claimed by a source quoted in the report]',
  announced: '[announced, not reported as carried out]',
  planned: '[planned, not reported as carried out]',
  denied: '[denied by a party quoted in the report]',
  threatened: '[threatened, not reported as carried out]',
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function tollSentence(range: [number, number], injured: number | null): string {
  const [low, high] = range;
  const killed =
    low === high
      ? `${count(low, 'fatality', 'fatalities')} reported.`
      : `Reports give ${low}-${high} fatalities; the lowest is coded.`;
  return injured ? `${killed} ${count(injured, 'person', 'people')} injured.` : killed;
}

export function acledNotes(r: EventRecord, fatalitiesRange: [number, number]): string {
  const subject = partyPhrase(r.actor1, r.assoc_actor_1) ?? 'an unidentified actor';
  const target = partyPhrase(r.actor2, r.assoc_actor_2);
  const first = `${datePhrase(r)}, ${subject} ${actionPhrase(r, target)}${placePhrase(r)}.`;
  // The claimant's organisation when its words name one: ACLED's notes say who claims.
  const modality =
    r.modality === 'claimed' && r.claimed_by_actor
      ? `[claimed by ${r.claimed_by_actor.name}]`
      : MODALITY_NOTES[r.modality];
  return [first, modality, tollSentence(fatalitiesRange, r.injured)].filter(Boolean).join(' ');
}
