import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as api from './lexicon.js';
import {
  compileCues,
  compileTriggerLexicon,
  CUE_LISTS,
  defaultPacksDir,
  loadCues,
  loadTriggerLexicon,
} from './lexicon.js';
import { normalizeForMatch } from '../text/normalize.js';

// Hard-coded from the shared events.md, so a drift in the code's own table is caught too.
const EVENTS_MD: Record<string, string[]> = {
  Battles: ['Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'],
  Protests: ['Excessive force against protesters', 'Protest with intervention', 'Peaceful protest'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
};
const PLOVER_TYPES = [
  'ASSAULT',
  'COERCE',
  'MOBILIZE',
  'RETREAT',
  'PROTEST',
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'AID',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'SANCTION',
  'CONCEDE',
  'COOPERATE',
];
const PLOVER_MODES: Record<string, string[]> = {
  ASSAULT: [
    'aerial',
    'drone',
    'heavy-weapons',
    'firearms',
    'explosives',
    'suicide-attack',
    'abduct',
    'sexual',
    'targeted',
    'destroy',
  ],
  COERCE: ['seize', 'arrest', 'restrict', 'curfew'],
  MOBILIZE: ['troops', 'weapons', 'militia'],
  RETREAT: ['withdraw', 'ceasefire', 'release'],
  PROTEST: ['demo', 'riot', 'strike'],
};

const triggersJson = () => JSON.parse(readFileSync(new URL('../../packs/ar/triggers.json', import.meta.url), 'utf8'));
const cuesJson = () => JSON.parse(readFileSync(new URL('../../packs/ar/cues.json', import.meta.url), 'utf8'));

test('public API names', () => {
  for (const name of [
    'loadTriggerLexicon',
    'loadCues',
    'compileTriggerLexicon',
    'compileCues',
    'defaultPacksDir',
    'TriggerFileSchema',
    'CueFileSchema',
    'ACLED_SUB_EVENT_TYPES',
    'PLOVER_TYPES',
    'CUE_LISTS',
  ]) {
    assert.ok(name in api, name);
  }
});

test('the code table matches events.md', () => {
  assert.deepEqual(api.ACLED_SUB_EVENT_TYPES, EVENTS_MD);
  assert.deepEqual([...api.PLOVER_TYPES], PLOVER_TYPES);
});

test('both packs validate and carry provenance', () => {
  const t = loadTriggerLexicon();
  const c = loadCues();
  for (const meta of [t.meta, c.meta]) {
    for (const k of ['description', 'version', 'provenance', 'licence'] as const) assert.ok(meta[k].length > 0, k);
  }
  assert.ok(defaultPacksDir().endsWith('/packs/'));
});

test('every trigger typing is an events.md pair with an events.md PLOVER type and mode', () => {
  const { entries } = loadTriggerLexicon();
  for (const { entry } of entries) {
    const typings = [entry, ...(entry.when_nearby ?? [])];
    for (const t of typings) {
      assert.ok(
        EVENTS_MD[t.event_type]?.includes(t.sub_event_type),
        `${entry.id}: ${t.event_type} / ${t.sub_event_type}`,
      );
      assert.ok(PLOVER_TYPES.includes(t.plover.type), `${entry.id}: ${t.plover.type}`);
      const modes = PLOVER_MODES[t.plover.type];
      if (t.plover.mode !== undefined)
        assert.ok(modes?.includes(t.plover.mode), `${entry.id}: ${t.plover.type} ${t.plover.mode}`);
    }
    if (entry.territory) {
      assert.equal(entry.event_type, 'Battles', entry.id);
      assert.deepEqual(entry.sub_event_type_by_actor, {
        state: 'Government regains territory',
        non_state: 'Non-state actor overtakes territory',
      });
      assert.equal(entry.requires, 'place', entry.id);
    }
  }
});

test('every written form of every trigger is reachable in the index', () => {
  const lex = loadTriggerLexicon();
  for (const { entry } of lex.entries) {
    for (const f of entry.forms) {
      const first = normalizeForMatch(f).split(' ')[0];
      const hits = lex.index.startingWith(first) ?? [];
      assert.ok(
        hits.some((h) => h.payload.entry === entry),
        `${entry.id}: ${f}`,
      );
    }
  }
});

test("the brief's required coverage is present", () => {
  const lex = loadTriggerLexicon();
  const ids = new Set(lex.entries.map((e) => e.entry.id));
  assert.ok(ids.size >= 60, `only ${ids.size} entries`);
  const required: [string, string][] = [
    ['غارات', 'Air/drone strike'],
    ['صواريخ', 'Shelling/artillery/missile attack'],
    ['اشتباكات', 'Armed clash'],
    ['اغتيال', 'Attack'],
    ['اختطاف', 'Abduction/forced disappearance'],
    ['اعتقال', 'Arrests'],
    ['مظاهرات', 'Peaceful protest'],
    ['شغب', 'Violent demonstration'],
    ['هدنه', 'Agreement'],
    ['انسحاب', 'Non-violent transfer of territory'],
    ['نهب', 'Looting/property destruction'],
    ['تعزيزات', 'Other'],
    ['الغام', 'Remote explosive/landmine/IED'],
  ];
  for (const [key, sub] of required) {
    assert.ok(
      (lex.index.startingWith(key) ?? []).some((h) => h.payload.entry.sub_event_type === sub),
      key,
    );
  }
});

test('schema rejects a sub-event type from another event type, and unknown fields', () => {
  const bad = triggersJson();
  bad.entries[0].sub_event_type = 'Arrests';
  assert.throws(() => compileTriggerLexicon(bad), /not a sub-event type/);
  const extra = triggersJson();
  extra.entries[0].colour = 'red';
  assert.throws(() => compileTriggerLexicon(extra));
  const territory = triggersJson();
  const t = territory.entries.find((e: { territory?: boolean }) => e.territory);
  delete t.sub_event_type_by_actor;
  assert.throws(() => compileTriggerLexicon(territory), /territory/);
  const dup = triggersJson();
  dup.entries.push(dup.entries[0]);
  assert.throws(() => compileTriggerLexicon(dup), /duplicate/);
});

test('cue file: every list present, one-letter cues only as proclitics', () => {
  const c = loadCues();
  for (const list of CUE_LISTS) assert.ok(c.forms[list].size > 0 || c.proclitics.some((p) => p.list === list), list);
  assert.deepEqual(
    c.proclitics.map((p) => [p.list, p.form, p.item.geo_precision]),
    [['location_prepositions', 'ب', 1]],
  );
  const bad = cuesJson();
  bad.lists.negation.items.push({ pos: 'particle', forms: ['و'] });
  assert.throws(() => compileCues(bad), /proclitic/);
  const missing = cuesJson();
  delete missing.lists.background;
  assert.throws(() => compileCues(missing));
});

test('verb stems generate the press conjugations', () => {
  const lex = loadTriggerLexicon();
  const table: [string, string, string | null][] = [
    ['قصفت', 'shelling_bare', 'perfect'],
    ['قصفوا', 'shelling_bare', 'perfect'],
    ['يقصف', 'shelling_bare', 'imperfect'],
    ['تقصف', 'shelling_bare', 'imperfect'],
    ['وسيقصفون', 'shelling_bare', 'imperfect'],
    ['اشتبكت', 'clash_verb', 'perfect'],
    ['يشتبكون', 'clash_verb', 'imperfect'],
    ['سيطرت', 'territory_control_verb', 'perfect'],
    ['يسيطر', 'territory_control_verb', 'imperfect'],
    ['استعادت', 'territory_recapture', 'perfect'],
    ['يستعيد', 'territory_recapture', 'imperfect'],
    ['استعادها', 'territory_recapture', 'perfect'],
    ['اعتقلوهم', 'arrest', 'perfect'],
    ['اوقفت', 'arrest_stop', 'perfect'],
    ['انسحبت', 'withdrawal', 'perfect'],
  ];
  for (const [key, id, tense] of table) {
    const hits = lex.index.startingWith(key) ?? [];
    assert.ok(
      hits.some((h) => h.payload.entry.id === id && h.tense === tense),
      `${key} → ${id} (${tense})`,
    );
  }
  // Excluded surfaces: other verbs that the stems would produce.
  assert.ok(!(lex.index.startingWith('تدخل') ?? []).some((h) => h.payload.entry.id === 'territory_entry'));
  assert.ok(!(lex.index.startingWith('توقف') ?? []).some((h) => h.payload.entry.id === 'arrest_stop'));
});
