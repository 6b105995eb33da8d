/**
 * Fills a store from test/fixtures/web/articles.json for the API and browser tests: articles
 * written for them with hand-coded events whose spans are given as quoted substrings.
 */
import { readFileSync } from 'node:fs';
import type { ArticleInput } from '../core/article.js';
import { evidenceOf, type Evidence } from '../core/span.js';
import { packagePath } from '../core/paths.js';
import type { EventRecord } from '../events/record.js';
import { articleId } from '../input/article-id.js';
import type { Repository } from '../store/repository.js';

export const WEB_FIXTURES = packagePath('test', 'fixtures', 'web', 'articles.json');

type FixtureEvent = Omit<
  EventRecord,
  'claimed_by' | 'evidence' | 'trigger' | 'sources' | 'assoc_actor_1' | 'assoc_actor_2' | 'rule' | 'confidence'
> & {
  claimed_by: string | null;
  evidence: string[];
  trigger: string;
  fields: Record<string, string>;
};

interface FixtureArticle {
  title: string;
  text: string;
  published: string | null;
  source: string | null;
  url: string | null;
  events: FixtureEvent[];
}

export interface FixtureArticleRecord {
  id: string;
  input: ArticleInput;
  events: EventRecord[];
}

/** The first occurrence of `quote` in `text`, as evidence; a quote not in the text is a broken fixture. */
function find(text: string, quote: string): Evidence {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture quote not in its article: ${quote}`);
  return evidenceOf(text, { start, end: start + quote.length });
}

export function loadWebFixtures(path = WEB_FIXTURES): FixtureArticleRecord[] {
  const { articles } = JSON.parse(readFileSync(path, 'utf8')) as { articles: FixtureArticle[] };
  return articles.map((a) => {
    const input: ArticleInput = {
      title: a.title,
      text: a.text,
      published: a.published,
      publishedAt: null,
      publishedRaw: a.published,
      origin: { url: a.url, source: a.source, input: 'fixture', externalId: null },
    };
    const events = a.events.map(({ fields, claimed_by, evidence, trigger, ...rest }): EventRecord => ({
      ...rest,
      assoc_actor_1: [],
      assoc_actor_2: [],
      claimed_by: claimed_by === null ? null : find(a.text, claimed_by),
      evidence: evidence.map((q) => find(a.text, q)),
      trigger: find(a.text, trigger),
      rule: 'fixture',
      confidence: 0.9,
      sources: Object.entries(fields).map(([field, quote]) => ({
        field,
        rule: 'fixture',
        evidence: find(a.text, quote),
      })),
    }));
    return { id: articleId(a.title, a.text), input, events };
  });
}

export async function fillFixtureStore(
  repo: Repository,
  fixtures = loadWebFixtures(),
): Promise<FixtureArticleRecord[]> {
  await repo.transaction(async () => {
    for (const f of fixtures) {
      await repo.upsertArticle(f.id, f.input);
      await repo.replaceEvents(f.id, f.events);
    }
  });
  return fixtures;
}
