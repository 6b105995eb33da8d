/**
 * A trie of names (place names, actor aliases, people, countries) over normalised words, for
 * longest-match dictionary lookup. A name's first word is keyed without the article ال, because
 * the clitic analyser strips it together with the prepositions glued before it (للعزيزية →
 * ل + ال + عزيزيه): "العزيزية" and "عزيزية" are the same key.
 */
import { nameKeyOf } from '../knowledge/places.js';
import type { CliticReading } from '../text/clitics.js';

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
  /** The cursor at this node when the tables hold nothing here (see NameIndex.cursorAt). */
  cursor: Cursor | null;
}

const newNode = (): TrieNode => ({ children: new Map(), entries: [], cursor: null });

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
  /** The tables' keys as words (see tableTrie), gathered when loaded (see prepare) or at the first look-up. */
  private tableRoot: TableNode | null = null;
  /** Counts the changes to the names: an answer kept elsewhere holds while it is unchanged. */
  generation = 0;
  size = 0;

  add(alias: string, entry: Omit<NameEntry, 'alias' | 'definite'>): void {
    const { words, definite } = nameKeyOf(alias);
    this.addKey(words, definite, { ...entry, alias });
  }

  /** Adds a name already keyed (a gazetteer's keys are worked out at build time). */
  addKey(key: readonly string[], definite: boolean, entry: Omit<NameEntry, 'definite'>): void {
    if (key.length === 0) return;
    this.generation++;
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
   * A compact gazetteer table: its keys are gathered as words (see tableTrie) and its rows read
   * when a name reaches them, rather than copied into the trie as entries, which would cost
   * seconds and tens of megabytes.
   */
  addTable(table: NameTable): void {
    this.tables.push(table);
    this.tableRoot = null;
    this.generation++;
  }

  /**
   * Gathers now what the first look-up would (the tables' trie, some tens of milliseconds): a
   * startup snapshot made after loading then holds it, and a command's first article does not wait.
   */
  prepare(): void {
    this.tableTrie();
  }

  /**
   * The tables' keys as a trie of words, gathered once (see prepare): a node for each key and
   * each word-prefix of a longer key, holding the key's tables (none for a prefix only). A name
   * then goes on by one look-up a word, where joining the words to look the key up made a string
   * each time. Strings only (the rows stay in their tables, read when a cursor first reaches them).
   */
  private tableTrie(): TableNode {
    if (this.tableRoot) return this.tableRoot;
    const root = new TableNode('');
    for (const table of this.tables)
      for (const key of table.sortedKeys()) {
        let node = root;
        let from = 0;
        for (let space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1)) {
          node = node.child(key.slice(from, space), '');
          from = space + 1;
        }
        node = node.child(key.slice(from), key);
        node.tables = node.tables === NO_TABLES ? [table] : [...node.tables, table];
      }
    return (this.tableRoot = root);
  }

  /** The names of a table node's key, each table's rows in turn (read once, kept in the node). */
  private tableEntries(node: TableNode | null): readonly NameEntry[] {
    if (!node || node.tables === NO_TABLES) return NO_ENTRIES;
    if (node.entries) return node.entries;
    const entries: NameEntry[] = [];
    for (const table of node.tables)
      for (const { row, definite } of table.lookup(node.key) ?? [])
        entries.push({ kind: 'place', ref: table.idAt(row), type: 'LOC', alias: node.key, definite });
    return (node.entries = entries);
  }

  /**
   * The cursor where the trie is at `node` and the tables at `table` (either may be null), or null
   * when neither holds a name here nor goes on. One is made for each place and kept in its node:
   * the words so far lead to both nodes, so either names the pair.
   */
  private cursorAt(node: TrieNode | null, table: TableNode | null): Cursor | null {
    const kept = table ? table.cursor : node ? node.cursor : null;
    if (kept && kept.generation === this.generation) return kept;
    const fromTables = this.tableEntries(table);
    const more = table?.children != null;
    if (!node && fromTables.length === 0 && !more) return null;
    const entries = fromTables.length === 0 ? (node?.entries ?? []) : [...(node?.entries ?? []), ...fromTables];
    const cursor = new Cursor(node, table?.children ? table : null, entries, this.generation);
    if (table) table.cursor = cursor;
    else if (node) node.cursor = cursor;
    return cursor;
  }

  /** Where a name starting with this word (already without its article) leads, or null. */
  start(firstWord: string): Cursor | null {
    const node = this.root.children.get(firstWord) ?? null;
    const table = this.tableTrie().children?.get(firstWord) ?? null;
    return node || table ? this.cursorAt(node, table) : null;
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
      if (!cursor) continue;
      // Kept for as long as the word's surface: a list begun by a literal holds what it needs, where
      // a first push reserves room for seventeen.
      if (found) found.push({ reading, cursor });
      else found = [{ reading, cursor }];
    }
    return found ?? NO_OPENINGS;
  }

  next(at: Cursor, word: string): Cursor | null {
    const node = at.node?.children.get(word) ?? null;
    const table = at.table?.children?.get(word) ?? null;
    return node || table ? this.cursorAt(node, table) : null;
  }

  entriesAt(at: Cursor): readonly NameEntry[] {
    return at.entries;
  }

  /** True when a single normalised word (with or without ال) is a whole name. */
  isSingleWordName(word: string): boolean {
    const key = withoutArticle(word);
    return (
      this.singleWords.has(key) ||
      (this.tables.length > 0 && this.tableEntries(this.tableTrie().children?.get(key) ?? null).length > 0)
    );
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

/** The tables of a key that only starts longer ones: one shared empty list. */
const NO_TABLES: NameTable[] = [];
const NO_ENTRIES: readonly NameEntry[] = [];

/** A key of the tables, or a word-prefix of longer keys, with the words that go on from it. */
class TableNode {
  /** The tables holding the key whole (none for a prefix only). */
  tables: NameTable[] = NO_TABLES;
  children: Map<string, TableNode> | null = null;
  /** The tables' names under the key (see NameIndex.tableEntries). */
  entries: NameEntry[] | null = null;
  /** The cursor at this node (see NameIndex.cursorAt). */
  cursor: Cursor | null = null;

  /** `key`: the whole key, known when a table holds it ('' for a prefix only). */
  constructor(public key: string) {}

  /** The node of the next word, made if new; `key` is its whole key when a table holds it. */
  child(word: string, key: string): TableNode {
    const children = (this.children ??= new Map<string, TableNode>());
    let node = children.get(word);
    if (!node) children.set(word, (node = new TableNode(key)));
    else if (key) node.key = key;
    return node;
  }
}

/** A clitic reading of a word that starts a name, and where the name goes on from it. */
export interface NameOpening {
  reading: CliticReading;
  cursor: Cursor;
}
const NO_OPENINGS: readonly NameOpening[] = [];

/**
 * A position in the names: the trie's node (if any), the tables' node when longer keys go on from
 * it, and the names that end here. Made by the index of one generation (see NameIndex.generation).
 */
export class Cursor {
  constructor(
    readonly node: TrieNode | null,
    readonly table: TableNode | null,
    readonly entries: readonly NameEntry[],
    readonly generation: number,
  ) {}
}
