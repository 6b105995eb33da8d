/**
 * A trie of names (place names, actor aliases, people, countries) over normalised words, for
 * longest-match dictionary lookup. A name's first word is keyed without the article ال, because
 * the clitic analyser strips it together with the prepositions glued before it (للعزيزية →
 * ل + ال + عزيزيه): "العزيزية" and "عزيزية" are the same key.
 */
import { normalizeForMatch } from '../text/normalize.js';

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
  const words = normalizeForMatch(alias)
    .replace(/["'«»()]/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
  if (words.length) words[0] = withoutArticle(words[0]);
  return words;
}

export class NameIndex {
  private readonly root = newNode();
  /** Single-word keys, for the glued-word splitter's "is this a known word" question. */
  private readonly singleWords = new Set<string>();
  size = 0;

  add(alias: string, entry: Omit<NameEntry, 'alias' | 'definite'>): void {
    const key = nameKey(alias);
    if (key.length === 0) return;
    const firstWord = normalizeForMatch(alias).split(' ')[0];
    let node = this.root;
    for (const word of key) {
      let next = node.children.get(word);
      if (!next) node.children.set(word, (next = newNode()));
      node = next;
    }
    if (node.entries.some((e) => e.ref === entry.ref && e.kind === entry.kind)) return;
    node.entries.push({ ...entry, alias, definite: withoutArticle(firstWord) !== firstWord });
    if (key.length === 1) this.singleWords.add(key[0]);
    this.size++;
  }

  /** The trie node reached by a first word (already without its article), or null. */
  start(firstWord: string): TrieNode | null {
    return this.root.children.get(firstWord) ?? null;
  }

  next(node: TrieNode, word: string): TrieNode | null {
    return node.children.get(word) ?? null;
  }

  entriesAt(node: TrieNode): readonly NameEntry[] {
    return node.entries;
  }

  /** True when a single normalised word (with or without ال) is a whole name. */
  isSingleWordName(word: string): boolean {
    return this.singleWords.has(withoutArticle(word));
  }
}

export type { TrieNode };
