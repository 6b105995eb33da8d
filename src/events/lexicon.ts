/**
 * The event-trigger lexicon (packs/ar/triggers.json) and the cue lexicon (packs/ar/cues.json):
 * zod schemas, loaders, and the compiled lookup structures the matchers in triggers.ts use.
 *
 * Compiling expands every written form into the surface keys the press actually prints: leading
 * clitics (و ف ب ل ك ال لل وبال …), noun suffixes (dual, possessive pronouns, accusative ا) and,
 * for verbs given as stems, the perfect and imperfect conjugations with object pronouns. The keys
 * are kept by head, less their leading clitics (proclitic-index.ts); matching splits a token into
 * clitics and head, a few map look-ups a token that may start a form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { normalizeForMatch } from '../text/normalize.js';
import { WordMemo } from '../text/word-memo.js';
import { ProcliticIndex } from './proclitic-index.js';
import { ACLED_SUB_EVENT_TYPES } from './taxonomy.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary of events.md (exact strings).

// The taxonomy lives in its own module, free of node imports, so the web app can bundle it.
export { ACLED_PRECEDENCE, ACLED_SUB_EVENT_TYPES } from './taxonomy.js';

export type AcledEventType = keyof typeof ACLED_SUB_EVENT_TYPES;
// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the keys of a constant object literal are exactly its key type
const EVENT_TYPES = Object.keys(ACLED_SUB_EVENT_TYPES) as [AcledEventType, ...AcledEventType[]];

export function isAcledEventType(name: string): name is AcledEventType {
  return Object.hasOwn(ACLED_SUB_EVENT_TYPES, name);
}

export const PLOVER_TYPES = [
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
] as const;

export type ModalityHint = 'asserted' | 'claimed' | 'announced' | 'planned' | 'denied' | 'threatened';

// ---------------------------------------------------------------------------------------------
// Schemas.

const Meta = z.looseObject({
  description: z.string().min(1),
  version: z.string().min(1),
  provenance: z.string().min(1),
  licence: z.string().min(1),
});

const Plover = z.strictObject({ type: z.enum(PLOVER_TYPES), mode: z.string().min(1).optional() });
export type Plover = z.infer<typeof Plover>;

/** A verb given by its stems; the compiler generates the conjugations. */
const VerbStems = z.strictObject({
  /** 3rd person masculine singular perfect, e.g. قصف، استعاد، أوقف. */
  perfect: z.string().min(2),
  /** Imperfect stem without the person prefix: يقصف → قصف، يستعيد → ستعيد، يوقف → وقف. */
  imperfect: z.string().min(2),
  /** Words that must follow the verb, e.g. على after قبض, ب after لوح. */
  then: z.string().min(1).optional(),
});

/** Which leading clitics a form accepts: none, conjunctions (و ف), or all noun proclitics. */
const Clitics = z.enum(['none', 'conj', 'noun']);
export type CliticClass = z.infer<typeof Clitics>;

const Requirement = z.enum(['place', 'weapons', 'civilian_target', 'armed_target', 'protest_context']);
export type Requirement = z.infer<typeof Requirement>;

const ContextWord = z
  .string()
  .min(2)
  .refine((s) => !/\s/.test(s.trim()), 'context words are single tokens');

const EventTyping = {
  event_type: z.enum(EVENT_TYPES),
  sub_event_type: z.string(),
};

const WhenNearby = z.strictObject({
  any: z.array(ContextWord).min(1),
  /** Words that keep the trigger's own typing when near, whatever `any` finds (صاروخ باليستي: fired from the ground). */
  unless_any: z.array(ContextWord).min(1).optional(),
  ...EventTyping,
  plover: Plover,
  confidence: z.number().min(0).max(1).optional(),
  note: z.string().min(1),
});

const TriggerEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    pos: z.enum(['noun', 'verb', 'phrase']),
    forms: z.array(z.string().min(1)).default([]),
    verbs: z.array(VerbStems).optional(),
    ...EventTyping,
    plover: Plover,
    confidence: z.number().min(0).max(1),
    requires: Requirement.optional(),
    needs_any_nearby: z.array(ContextWord).min(1).optional(),
    /** Words that make it no conflict event when near (إغلاق المطار بسبب العاصفة): the extractor rejects it, naming them. */
    unless_any_nearby: z.array(ContextWord).min(1).optional(),
    /** What unless_any_nearby's words make it, when not "no conflict": a court's act (بإعدام … قضت المحكمة). */
    unless_reason: z.literal('judicial').optional(),
    when_nearby: z.array(WhenNearby).optional(),
    territory: z.literal(true).optional(),
    /** It tells the other side's answer (هجوم مضاد): never one occurrence with what another initiator did. */
    responds: z.literal(true).optional(),
    /** A crowd does it too (أغلق المحتجون الطريق): in the sentence of a protest or a riot it is part of it. */
    crowd_act: z.literal(true).optional(),
    sub_event_type_by_actor: z.strictObject({ state: z.string(), non_state: z.string() }).optional(),
    weak: z.literal(true).optional(),
    /** A crowd doing it (أحرق المحتجون مقرا، نهب متظاهرون متاجر) has turned its protest into a riot. */
    riot_act: z.literal(true).optional(),
    /** Its forms name those who take part (متظاهرون): they report one only as its subject or counted (src/events/participants.ts). */
    participants: z.literal(true).optional(),
    /** What a strike hits when named right after one (غارات على تعزيزات للميليشيات): its target, no event of its own. */
    struck_as_target: z.literal(true).optional(),
    /** Its forms are passive (اغتيل): the name after it is the victim, and only an agent marker names the agent. */
    passive: z.literal(true).optional(),
    modality_hint: z.enum(['asserted', 'claimed', 'announced', 'planned', 'denied', 'threatened']).optional(),
    clitics: Clitics.optional(),
    /** Tokens of the context window on each side (default: the file's meta.context_window). */
    window: z.number().int().positive().optional(),
    /** Generated surface keys that are other words (تدخل "intervention" from دخل). */
    exclude_forms: z.array(z.string().min(1)).optional(),
    note: z.string().min(1),
  })
  .superRefine((e, ctx) => {
    const typing = [e, ...(e.when_nearby ?? [])];
    for (const t of typing) {
      const allowed: readonly string[] = ACLED_SUB_EVENT_TYPES[t.event_type];
      if (!allowed.includes(t.sub_event_type)) {
        ctx.addIssue({
          code: 'custom',
          message: `${e.id}: "${t.sub_event_type}" is not a sub-event type of "${t.event_type}"`,
        });
      }
    }
    if (e.forms.length === 0 && !e.verbs?.length)
      ctx.addIssue({ code: 'custom', message: `${e.id}: no forms and no verbs` });
    if (
      e.territory &&
      (e.sub_event_type_by_actor?.state !== 'Government regains territory' ||
        e.sub_event_type_by_actor?.non_state !== 'Non-state actor overtakes territory')
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `${e.id}: a territory entry names both territory sub-event types by actor`,
      });
    }
    if (!e.territory && e.sub_event_type_by_actor)
      ctx.addIssue({ code: 'custom', message: `${e.id}: sub_event_type_by_actor without territory` });
  });
export type TriggerEntry = z.infer<typeof TriggerEntrySchema>;

export const TriggerFileSchema = z
  .strictObject({
    $meta: Meta.extend({ context_window: z.number().int().positive() }),
    entries: z.array(TriggerEntrySchema).min(1),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    for (const e of f.entries) {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', message: `duplicate trigger id ${e.id}` });
      seen.add(e.id);
    }
  });

/** The cue lists after target_markers, each read by a rule alone (see ARGUMENT_LISTS). */
const RULE_ONLY_LISTS = [
  'state_bodies',
  'fire_origins',
  'title_nouns',
  'unit_nouns',
  'author_nouns',
  'responsibility_claims',
  'crowd_nouns',
  'weapon_handling',
  'scheduled',
  'repelled',
  'strike_objects',
  'opposed_to',
  'crowd_voices',
] as const;
export const CUE_LISTS = [
  'attribution',
  'announced',
  'planned',
  'threatened',
  'negation',
  'denial',
  'background',
  'aggregate',
  'habitual',
  'reaction',
  'place_references',
  'casualty',
  'location_prepositions',
  'agent_markers',
  'target_markers',
  ...RULE_ONLY_LISTS,
] as const;
export type CueListName = (typeof CUE_LISTS)[number];
/**
 * Cue lists that decide an event's arguments (arguments.ts: who is a party, which place is the
 * event's), or that a rule alone reads (title_nouns): the judges read no feature of them.
 */
export const ARGUMENT_LISTS: ReadonlySet<string> = new Set<CueListName>([
  'reaction',
  'place_references',
  ...RULE_ONLY_LISTS,
]);

const CueItemSchema = z
  .strictObject({
    forms: z.array(z.string().min(1)).default([]),
    verbs: z.array(VerbStems).optional(),
    pos: z.enum(['noun', 'verb', 'particle', 'phrase']),
    /** A finer label inside the list: killed/injured/toll/subcount, agent/leader/affiliation … */
    kind: z.string().min(1).optional(),
    geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    /** The place after it is where something is headed, not necessarily where it happened. */
    direction: z.literal(true).optional(),
    /** The word has another common sense; the consumer should confirm from context. */
    ambiguous: z.literal(true).optional(),
    /** A one-letter proclitic (ب): not searched as a word, exposed for token-level consumers. */
    proclitic: z.literal(true).optional(),
    clitics: Clitics.optional(),
    note: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.forms.length === 0 && !c.verbs?.length)
      ctx.addIssue({ code: 'custom', message: 'cue item with no forms and no verbs' });
    for (const f of c.forms) {
      if (normalizeForMatch(f).length < 2 && !c.proclitic)
        ctx.addIssue({ code: 'custom', message: `one-letter cue "${f}" must be a proclitic` });
    }
  });
export type CueItem = z.infer<typeof CueItemSchema>;

/** A record with one value per cue list (Object.fromEntries would type its keys as any string). */
function perCueList<V>(value: (name: CueListName) => V): Record<CueListName, V> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- one entry for each of CUE_LISTS, which lists every CueListName
  return Object.fromEntries(CUE_LISTS.map((n) => [n, value(n)])) as Record<CueListName, V>;
}

const CueListSchema = z.strictObject({ note: z.string().min(1), items: z.array(CueItemSchema).min(1) });

export const CueFileSchema = z.strictObject({
  $meta: Meta,
  lists: z.strictObject(perCueList(() => CueListSchema)),
});

// ---------------------------------------------------------------------------------------------
// Compiled structures.

/** Phrase token matching any run of up to GAP_MAX tokens ("…" or "..." in a form). */
export const GAP = '…';
export const GAP_MAX = 4;
/** Phrase token matching a year written in digits (<YEAR> in a form). */
export const YEAR = '<YEAR>';

export type Tense = 'perfect' | 'imperfect' | null;

/** One surface pattern: the first token's exact key (clitics included) and what must follow. */
export interface CompiledForm<P> {
  /** The form as written in the pack, normalised (the base the surface key came from). */
  base: string;
  /** Normalised tokens that must follow the first one (GAP / YEAR / one-letter prefix allowed). */
  rest: string[];
  /** The proclitics glued to the first token in this surface key ('' when none). */
  proclitic: string;
  tense: Tense;
  payload: P;
}

/** A compiled form less its proclitic, as a phrase index keeps it under its head. */
interface HeadForm<P> {
  base: string;
  rest: string[];
  tense: Tense;
  payload: P;
  /** The payload's generated surface keys that are other words (exclude_forms), normalised. */
  excluded: ReadonlySet<string>;
}

/** startingWith's answers kept, by word: past this many they are dropped and worked out again. */
const STARTING_WITH_MEMO_LIMIT = 50_000;

/** The patterns of a lexicon by the surface key of their first token (clitics included). */
export class PhraseIndex<P> {
  private readonly heads = new ProcliticIndex<HeadForm<P>>();
  /** Answers for the words that may start a pattern: a text repeats them (common cues above all). */
  private readonly answers = new WordMemo<CompiledForm<P>[] | null>(STARTING_WITH_MEMO_LIMIT);

  /** Adds a form under each surface key made of one of `proclitics` ('' for none) and `head`. */
  add(head: string, proclitics: readonly string[], form: HeadForm<P>): void {
    this.heads.add(head, proclitics, form);
    this.answers.clear();
  }

  /** The patterns whose first token is `word`, in the order compiled, or undefined when none. */
  startingWith(word: string): CompiledForm<P>[] | undefined {
    if (!this.heads.mayKey(word)) return undefined;
    const known = this.answers.get(word);
    if (known !== undefined) return known ?? undefined;
    const forms: CompiledForm<P>[] = [];
    for (const { proclitic, value: f } of this.heads.lookup(word)) {
      if (f.excluded.has(word)) continue;
      // A payload's forms under one key are told apart by base (which holds the rest): the first is kept.
      if (forms.some((g) => g.payload === f.payload && g.base === f.base)) continue;
      forms.push({ base: f.base, rest: f.rest, proclitic, tense: f.tense, payload: f.payload });
    }
    const answer = forms.length ? forms : null;
    this.answers.set(word, answer);
    return answer ?? undefined;
  }
}

export interface NearbyRule {
  any: Set<string>;
  event_type: AcledEventType;
  sub_event_type: string;
  plover: Plover;
  confidence: number | null;
  note: string;
  /** Words whose presence near the trigger keeps this rule from re-typing it. */
  unlessAny: Set<string> | null;
  /** Position in the entry's when_nearby list, for the rule name. */
  index: number;
}

export interface CompiledTrigger {
  entry: TriggerEntry;
  needs: Set<string> | null;
  unless: Set<string> | null;
  whenNearby: NearbyRule[];
  window: number;
}

export interface TriggerLexicon {
  meta: z.infer<typeof TriggerFileSchema>['$meta'];
  entries: CompiledTrigger[];
  index: PhraseIndex<CompiledTrigger>;
  /** Surface key of a context word (with clitics/suffixes) → its normalised base words. */
  context: ProcliticIndex<string>;
}

export interface CompiledCue {
  list: CueListName;
  item: CueItem;
}

export interface CueProclitic {
  list: CueListName;
  form: string;
  item: CueItem;
}

export interface CueLexicon {
  meta: z.infer<typeof CueFileSchema>['$meta'];
  index: PhraseIndex<CompiledCue>;
  /** One-letter proclitic cues (ب "in/at"), which the word search cannot match (see CueIndex.proclitic). */
  proclitics: CueProclitic[];
  /** Normalised forms per list, for consumers that test a single word. */
  forms: Record<CueListName, Set<string>>;
}

// ---------------------------------------------------------------------------------------------
// Morphology: surface keys generated from a written form.

const CONJ = ['', 'و', 'ف'];
/** Noun proclitics for a word without the article; ال combinations included. */
const NOUN_PROCLITICS = [
  '',
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
  'وب',
  'فب',
  'ول',
  'فل',
  'وك',
  'فك',
  'ال',
  'وال',
  'فال',
  'بال',
  'كال',
  'وبال',
  'فبال',
  'وكال',
  'فكال',
  'لل',
  'ولل',
  'فلل',
];
/** Proclitics before a word that already starts with ال; ل + ال is written لل. */
const ARTICLE_PROCLITICS = ['', 'و', 'ف', 'ب', 'ك', 'وب', 'فب', 'وك', 'فك'];
const LAM_ARTICLE = ['ل', 'ول', 'فل'];
/** Future س and the subjunctive/jussive ل attach to the imperfect only. */
const IMPERFECT_PROCLITICS = ['', 'و', 'ف', 'س', 'وس', 'فس', 'ل', 'ول', 'فل'];

const OBJECT_PRONOUNS = ['ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'نا'];
const PERFECT_SUFFIXES = ['', 'ت', 'وا', 'ا', 'تا', 'ن', 'نا'];
const PERFECT_BEFORE_OBJECT = ['', 'ت', 'و', 'ا', 'تا', 'نا'];
const IMPERFECT_PREFIXES = ['ي', 'ت', 'ن', 'ا'];
const IMPERFECT_SUFFIXES = ['', 'ون', 'ان', 'ن', 'وا', 'ا', 'ين'];
const IMPERFECT_BEFORE_OBJECT = ['', 'ون', 'و', 'ان', 'ا'];

/** The surface keys of a word with the proclitics of `cls`: heads, each with the proclitics glued before it. */
function procliticGroups(word: string, cls: CliticClass): { head: string; proclitics: readonly string[] }[] {
  if (cls === 'none') return [{ head: word, proclitics: [''] }];
  if (cls === 'conj') return [{ head: word, proclitics: CONJ }];
  if (word.startsWith('ال')) {
    return [
      { head: word, proclitics: ARTICLE_PROCLITICS },
      { head: word.slice(1), proclitics: LAM_ARTICLE },
    ];
  }
  return [{ head: word, proclitics: NOUN_PROCLITICS }];
}

/** A noun as written (ة still visible) → its suffixed surfaces, normalised. */
function nounSurfaces(written: string): string[] {
  const w = written.trim();
  const out = [w];
  if (w.endsWith('ة')) {
    const construct = w.slice(0, -1) + 'ت';
    for (const s of [...OBJECT_PRONOUNS, 'ين', 'ان', 'ي']) out.push(construct + s);
  } else if (w.endsWith('ات')) {
    for (const s of OBJECT_PRONOUNS) out.push(w + s);
  } else if (!/[اىيو]$/.test(w)) {
    for (const s of [...OBJECT_PRONOUNS, 'ا', 'ين', 'ان']) out.push(w + s);
  }
  return out.map(normalizeForMatch);
}

interface VerbSurface {
  key: string;
  tense: 'perfect' | 'imperfect';
}

function verbSurfaces(v: z.infer<typeof VerbStems>): VerbSurface[] {
  const perfect = normalizeForMatch(v.perfect);
  const imperfect = normalizeForMatch(v.imperfect);
  const out: VerbSurface[] = [];
  for (const s of PERFECT_SUFFIXES) out.push({ key: perfect + s, tense: 'perfect' });
  for (const s of PERFECT_BEFORE_OBJECT)
    for (const o of OBJECT_PRONOUNS) out.push({ key: perfect + s + o, tense: 'perfect' });
  for (const p of IMPERFECT_PREFIXES) {
    for (const s of IMPERFECT_SUFFIXES) out.push({ key: p + imperfect + s, tense: 'imperfect' });
    for (const s of IMPERFECT_BEFORE_OBJECT)
      for (const o of OBJECT_PRONOUNS) out.push({ key: p + imperfect + s + o, tense: 'imperfect' });
  }
  return out;
}

/** Splits a normalised phrase into pattern tokens: "وفقا لـ" → ['وفقا', 'ل'], "…" → GAP. */
function patternTokens(normalised: string): string[] {
  return normalised
    .split(' ')
    .filter(Boolean)
    .map((t) => (t === '...' ? GAP : t === '<year>' ? YEAR : t));
}

interface FormSource {
  forms: string[];
  verbs?: z.infer<typeof VerbStems>[];
  pos: 'noun' | 'verb' | 'phrase' | 'particle';
  clitics?: CliticClass;
  exclude_forms?: string[];
}

function addForms<P>(index: PhraseIndex<P>, src: FormSource, payload: P): void {
  const excluded = new Set((src.exclude_forms ?? []).map(normalizeForMatch));
  for (const written of src.forms) {
    const base = normalizeForMatch(written);
    const [first, ...rest] = patternTokens(base);
    const single = rest.length === 0;
    const cls: CliticClass = src.clitics ?? (src.pos === 'particle' || src.pos === 'verb' ? 'conj' : 'noun');
    // Suffixes only on a single noun; a phrase's head may still take the accusative ا (هجوما مضادا).
    const surfaces =
      src.pos === 'noun' && single
        ? nounSurfaces(written)
        : src.pos === 'phrase' && !/[اهيو]$/.test(first)
          ? [first, first + 'ا']
          : [first];
    for (const surface of surfaces)
      for (const { head, proclitics } of procliticGroups(surface, cls))
        index.add(head, proclitics, { base, rest, tense: null, payload, excluded });
  }
  for (const v of src.verbs ?? []) {
    const rest = v.then ? patternTokens(normalizeForMatch(v.then)) : [];
    const base = normalizeForMatch(v.then ? `${v.perfect} ${v.then}` : v.perfect);
    for (const { key, tense } of verbSurfaces(v)) {
      const proclitics = src.clitics === 'none' ? [''] : tense === 'imperfect' ? IMPERFECT_PROCLITICS : CONJ;
      index.add(key, proclitics, { base, rest, tense, payload, excluded });
    }
  }
}

/** Adds a word's surfaces to `context` once: `done` holds the words added, with their bases. */
function addContextWord(context: ProcliticIndex<string>, word: string, done: Map<string, string>): string {
  const known = done.get(word);
  if (known !== undefined) return known;
  const base = normalizeForMatch(word);
  done.set(word, base);
  for (const surface of nounSurfaces(word))
    for (const { head, proclitics } of procliticGroups(surface, 'noun')) context.add(head, proclitics, base);
  return base;
}

// ---------------------------------------------------------------------------------------------
// Loaders.

/** The packs directory, resolved when called (not at import) so src/ and dist/ both work. */
export function defaultPacksDir(): string {
  return fileURLToPath(new URL('../../packs/', import.meta.url));
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Compiles an already-parsed trigger file (validated here). */
export function compileTriggerLexicon(data: unknown): TriggerLexicon {
  const file = TriggerFileSchema.parse(data);
  const index = new PhraseIndex<CompiledTrigger>();
  const context = new ProcliticIndex<string>();
  const contextWords = new Map<string, string>();
  const entries: CompiledTrigger[] = file.entries.map((entry) => {
    const compiled: CompiledTrigger = {
      entry,
      needs: entry.needs_any_nearby
        ? new Set(entry.needs_any_nearby.map((w) => addContextWord(context, w, contextWords)))
        : null,
      unless: entry.unless_any_nearby
        ? new Set(entry.unless_any_nearby.map((w) => addContextWord(context, w, contextWords)))
        : null,
      whenNearby: (entry.when_nearby ?? []).map((r, i) => ({
        any: new Set(r.any.map((w) => addContextWord(context, w, contextWords))),
        unlessAny: r.unless_any ? new Set(r.unless_any.map((w) => addContextWord(context, w, contextWords))) : null,
        event_type: r.event_type,
        sub_event_type: r.sub_event_type,
        plover: r.plover,
        confidence: r.confidence ?? null,
        note: r.note,
        index: i,
      })),
      window: entry.window ?? file.$meta.context_window,
    };
    addForms(index, entry, compiled);
    return compiled;
  });
  return { meta: file.$meta, entries, index, context };
}

/** Compiles an already-parsed cue file (validated here). */
export function compileCues(data: unknown): CueLexicon {
  const file = CueFileSchema.parse(data);
  const index = new PhraseIndex<CompiledCue>();
  const proclitics: CueProclitic[] = [];
  const forms = perCueList(() => new Set<string>());
  for (const list of CUE_LISTS) {
    for (const item of file.lists[list].items) {
      if (item.proclitic) {
        for (const f of item.forms) proclitics.push({ list, form: normalizeForMatch(f), item });
        continue;
      }
      for (const f of item.forms) forms[list].add(normalizeForMatch(f));
      for (const v of item.verbs ?? []) forms[list].add(normalizeForMatch(v.perfect));
      addForms(index, item, { list, item });
    }
  }
  return { meta: file.$meta, index, proclitics, forms };
}

/** Loads and compiles packs/ar/triggers.json (or `<dir>/ar/triggers.json`). */
export function loadTriggerLexicon(dir: string = defaultPacksDir()): TriggerLexicon {
  return compileTriggerLexicon(readJson(join(dir, 'ar', 'triggers.json')));
}

/** Loads and compiles packs/ar/cues.json (or `<dir>/ar/cues.json`). */
export function loadCues(dir: string = defaultPacksDir()): CueLexicon {
  return compileCues(readJson(join(dir, 'ar', 'cues.json')));
}
