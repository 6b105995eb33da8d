/**
 * A trie of names (place names, actor aliases, people, countries) over normalised words, for
 * longest-match dictionary lookup. A name's first word is keyed without the article ال, because
 * the clitic analyser strips it together with the prepositions glued before it (للعزيزية →
 * ل + ال + عزيزيه): "العزيزية" and "عزيزية" are the same key.
 */
import { nameKeyOf } from '../knowledge/places.js';
import type { CliticReading } from '../text/clitics.js';
import { WordMemo } from '../text/word-memo.js';

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NameEntry {
  /** What the name refers to: a gazetteer place, a country, an actor, a person. */
  kind: 'place' | 'country' | 'actor' | 'person';
  /** The id in its knowledge file. */
  ref: string;
  type: EntityType;
  /** The alias as matched. */
  alias: string;
  /** The knowledge file's alias a derived one stands for ("قوات X" → "X"); absent when the same. */
  baseAlias?: string;
  /** True when the alias is a demonym ("اليونانية") rather than the name itself. */
  demonym?: boolean;
  /** True when the alias starts with the article (العزيزية): the text must have it too. */
  definite: boolean;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  entries: NameEntry[];
}

const newNode = (): TrieNode => ({ children: new Map(), entries: [] });

/** Drops a leading ال from a normalised word when a stem of two letters or more remains. */
export function withoutArticle(word: string): string {
  return word.startsWith('ال') && word.length >= 4 ? word.slice(2) : word;
}

/** The trie key of an alias: normalised words, the first without its article. */
export function nameKey(alias: string): string[] {
  return nameKeyOf(alias).words;
}

export class NameIndex {
  private readonly root = newNode();
  /** Single-word keys, for the glued-word splitter's "is this a known word" question. */
  private readonly singleWords = new Set<string>();
  private readonly tables: NameTable[] = [];
  private readonly tableKeys = new Map<string, TableKey>();
  /** The words names start with (see firstWords), gathered at the first look-up. */
  private firstWordIndex: Map<string, FirstWord> | null = null;
  /** Answers kept in the memoised cursors (see next). */
  private followingCount = 0;
  /** Counts the times the memos were dropped: an answer kept elsewhere holds while it is unchanged. */
  generation = 0;
  size = 0;

  add(alias: string, entry: Omit<NameEntry, 'alias' | 'definite'>): void {
    const { words, definite } = nameKeyOf(alias);
    this.addKey(words, definite, { ...entry, alias });
  }

  /** Adds a name already keyed (a gazetteer's keys are worked out at build time). */
  addKey(key: readonly string[], definite: boolean, entry: Omit<NameEntry, 'definite'>): void {
    if (key.length === 0) return;
    this.forgetStarts();
    this.firstWordIndex = null;
    let node = this.root;
    for (const word of key) {
      let next = node.children.get(word);
      if (!next) node.children.set(word, (next = newNode()));
      node = next;
    }
    if (node.entries.some((e) => e.ref === entry.ref && e.kind === entry.kind)) return;
    node.entries.push({ ...entry, definite });
    if (key.length === 1) this.singleWords.add(key[0]);
    this.size++;
  }

  /**
   * A compact gazetteer table: its names are looked up in it (binary search over its sorted
   * keys) rather than copied into the trie, which would cost seconds and tens of megabytes.
   */
  addTable(table: NameTable): void {
    this.tables.push(table);
    this.tableKeys.clear();
    this.forgetStarts();
    this.tableIndex = null;
    this.firstWordIndex = null;
  }

  /** Drops the cursors names start at, and with them next()'s answers kept in them. */
  private forgetStarts(): void {
    this.generation++;
    this.followingCount = 0;
  }

  /**
   * The tables' keys in one map (key → the tables holding it, and whether longer keys start with
   * it; a word-prefix of a longer key is there with no tables), gathered at the first look-up: a
   * word is then answered by one hash look-up instead of a binary search in each table. Strings
   * only (the rows stay in their tables): a few megabytes.
   */
  private tableIndex: Map<string, { tables: NameTable[]; more: boolean }> | null = null;

  private tablesByKey(): Map<string, { tables: NameTable[]; more: boolean }> {
    if (this.tableIndex) return this.tableIndex;
    const index = new Map<string, { tables: NameTable[]; more: boolean }>();
    const at = (key: string) => {
      let found = index.get(key);
      if (!found) index.set(key, (found = { tables: NO_TABLES, more: false }));
      return found;
    };
    for (const table of this.tables)
      for (const key of table.sortedKeys()) {
        const found = at(key);
        found.tables = found.tables === NO_TABLES ? [table] : [...found.tables, table];
        for (let space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1))
          at(key.slice(0, space)).more = true;
      }
    return (this.tableIndex = index);
  }

  /**
   * What the tables hold under a key: its entries, and whether longer keys start with it. Most
   * words are in no table and cost one look-up; the entries of those that are, memoised.
   */
  private tableKey(key: string): TableKey {
    const held = this.tablesByKey().get(key);
    if (!held) return NO_TABLE_KEY;
    const hit = this.tableKeys.get(key);
    if (hit) return hit;
    const entries: NameEntry[] = [];
    for (const table of held.tables)
      for (const { row, definite } of table.lookup(key) ?? [])
        entries.push({ kind: 'place', ref: table.idAt(row), type: 'LOC', alias: key, definite });
    const found = { entries, more: held.more };
    // Words repeat: the memo answers most lookups; it is dropped when it grows past a long text's worth.
    if (this.tableKeys.size >= TABLE_MEMO_LIMIT) this.tableKeys.clear();
    this.tableKeys.set(key, found);
    return found;
  }

  private cursor(node: TrieNode | null, key: string): Cursor | null {
    const fromTables = this.tables.length ? this.tableKey(key) : NO_TABLE_KEY;
    if (!node && fromTables.entries.length === 0 && !fromTables.more) return null;
    const entries =
      fromTables.entries.length === 0 ? (node?.entries ?? []) : [...(node?.entries ?? []), ...fromTables.entries];
    return { node, key, entries, more: fromTables.more };
  }

  /**
   * Every word a name starts with, the trie's and the tables' in one map: a stem that starts none
   * (most of them) is answered by one look-up, with nothing kept for it.
   */
  private firstWords(): Map<string, FirstWord> {
    if (this.firstWordIndex) return this.firstWordIndex;
    const index = new Map<string, FirstWord>();
    for (const [word, node] of this.root.children) index.set(word, new FirstWord(node));
    if (this.tables.length)
      for (const key of this.tablesByKey().keys())
        if (!key.includes(' ') && !index.has(key)) index.set(key, new FirstWord(null));
    return (this.firstWordIndex = index);
  }

  /** Where a name starting with this word (already without its article) leads, or null. */
  start(firstWord: string): Cursor | null {
    const first = this.firstWords().get(firstWord);
    if (!first) return null;
    // The cursor is made once a generation: next() keeps its answers in it.
    if (first.generation !== this.generation) {
      first.cursor = this.cursor(first.node, firstWord);
      first.generation = this.generation;
    }
    return first.cursor;
  }

  /**
   * The readings of a word whose stem, without its article, starts a name, each with its cursor,
   * in the order given. Callers keep the answer for a word they meet again (the name matcher,
   * with the tokenizer's surface): the readings are worked out only for a word not met before.
   */
  openings(readings: readonly CliticReading[]): readonly NameOpening[] {
    let found: NameOpening[] | null = null;
    for (const reading of readings) {
      const cursor = this.start(withoutArticle(reading.stem));
      if (cursor) (found ??= []).push({ reading, cursor });
    }
    return found ?? NO_OPENINGS;
  }

  next(at: Cursor, word: string): Cursor | null {
    const node = at.node?.children.get(word) ?? null;
    if (!at.more) return node && { node, key: '', entries: node.entries, more: false };
    // Going on in the tables looks up a new key (the words so far, joined): the answers are kept
    // in the cursor, for the cursors names start at are memoised and words follow them again.
    const following = (at.following ??= new WordMemo(FOLLOWING_MEMO_LIMIT));
    const known = following.get(word);
    if (known !== undefined) return known;
    const found = this.cursor(node, `${at.key} ${word}`);
    // Pairs of words outnumber words: past a budget, the memoised cursors go, and their answers with them.
    if (++this.followingCount > FOLLOWING_BUDGET) this.forgetStarts();
    following.set(word, found);
    return found;
  }

  entriesAt(at: Cursor): readonly NameEntry[] {
    return at.entries;
  }

  /** True when a single normalised word (with or without ال) is a whole name. */
  isSingleWordName(word: string): boolean {
    const key = withoutArticle(word);
    return this.singleWords.has(key) || (this.tables.length > 0 && this.tableKey(key).entries.length > 0);
  }
}

/** A gazetteer table as the index reads it (src/knowledge/place-table.ts). */
export interface NameTable {
  /** Every key, sorted. */
  sortedKeys(): readonly string[];
  lookup(key: string): { row: number; definite: boolean }[] | null;
  continues(key: string): boolean;
  idAt(row: number): string;
}

interface TableKey {
  entries: NameEntry[];
  more: boolean;
}
const NO_TABLE_KEY: TableKey = { entries: [], more: false };
/** The tables of a key that only starts longer ones: one shared empty list. */
const NO_TABLES: NameTable[] = [];
const TABLE_MEMO_LIMIT = 200_000;

/** A word names start with: the trie's node under it (if any), and its cursor of one generation. */
class FirstWord {
  cursor: Cursor | null = null;
  generation = -1;
  constructor(readonly node: TrieNode | null) {}
}

/** A clitic reading of a word that starts a name, and where the name goes on from it. */
export interface NameOpening {
  reading: CliticReading;
  cursor: Cursor;
}
const NO_OPENINGS: readonly NameOpening[] = [];

/** A position in the names: the trie's node (if any), the key so far, and what the tables hold under it. */
export interface Cursor {
  node: TrieNode | null;
  key: string;
  entries: readonly NameEntry[];
  /** True when a table has longer keys starting with `key`. */
  more: boolean;
  /** next()'s answers from here by word, when `more`. */
  following?: WordMemo<Cursor | null>;
}
/** Words kept after one cursor: a common word starts names followed by many words. */
const FOLLOWING_MEMO_LIMIT = 1_000;
/** Words kept after all the memoised cursors together. */
const FOLLOWING_BUDGET = 400_000;
