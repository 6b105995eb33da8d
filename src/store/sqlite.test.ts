/** SQLite-only behaviour; what every backend does is in testing/repository-suite.ts. */
import { test } from 'node:test';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { SqliteRepository, ftsQuery, textSearch, type TextSearch } from './sqlite.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { fusedItemView } from '../server/fused-views.js';
import { articleInput as input, eventRecord } from '../testing/repository-suite.js';
import { eventFilterText } from './event-filter.js';
import type { EventQuery } from './repository.js';
import { fusePending } from '../fusion/fuse.js';

/**
 * Older migrations, with the column this code writes beside each event's actors (version 14
 * only adds it): this code fills the older store.
 */
/**
 * Article `a<n>` from `source`, with three events e<n>0..e<n>2 dated in month n + 1 (days 10-12),
 * each also given `fields(k)`.
 */
async function storeReport(
  repo: SqliteRepository,
  n: number,
  source: string,
  fields: (k: number) => Parameters<typeof eventRecord>[1],
): Promise<void> {
  await repo.upsertArticle(
    `a${n}`,
    input('', `نص ${n}`, { origin: { url: null, source, input: 'test', externalId: null } }),
  );
  await repo.replaceEvents(
    `a${n}`,
    [0, 1, 2].map((k) => eventRecord(`e${n}${k}`, { date: `2019-0${n + 1}-1${k}`, ...fields(k) })),
  );
}

function withActorDates(migrations: typeof SQLITE_MIGRATIONS): typeof SQLITE_MIGRATIONS {
  return [...migrations, SQLITE_MIGRATIONS.find((m) => m.version === 14)!];
}

async function withRepo(fn: (repo: SqliteRepository, path: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  const path = join(dir, 'test.db');
  const repo = new SqliteRepository(path);
  try {
    await fn(repo, path);
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('migrations run once: reopening keeps the data', async () => {
  await withRepo(async (repo, path) => {
    await repo.upsertArticle('a1', input('', 'نص'));
    const again = new SqliteRepository(path);
    try {
      assert.equal(await again.countArticles(), 1);
      const versions = again.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      assert.deepEqual(versions, [
        { version: 1 },
        { version: 2 },
        { version: 3 },
        { version: 4 },
        { version: 5 },
        { version: 6 },
        { version: 7 },
        { version: 8 },
        { version: 9 },
        { version: 10 },
        { version: 11 },
        { version: 12 },
        { version: 13 },
        { version: 14 },
        { version: 15 },
        { version: 16 },
      ]);
    } finally {
      await again.close();
    }
  });
});

test('the change mark moves with writes from this connection and from another one, and only then', async () => {
  await withRepo(async (repo, path) => {
    const first = await repo.changeMark();
    assert.equal(await repo.changeMark(), first);
    await repo.upsertArticle('a1', input('', 'نص'));
    const second = await repo.changeMark();
    assert.notEqual(second, first);
    await repo.countArticles();
    assert.equal(await repo.changeMark(), second);
    const other = new SqliteRepository(path);
    try {
      await other.upsertArticle('a2', input('', 'نص آخر'));
    } finally {
      await other.close();
    }
    assert.notEqual(await repo.changeMark(), second);
  });
});

test('a page of a source most articles share is read in order, the same as through the index', async () => {
  await withRepo(async (repo) => {
    for (let a = 0; a < 4; a++) {
      await storeReport(repo, a, a < 3 ? 'وكالة الأنباء' : 'صحيفة', (k) => ({ fatalities: (a * 3 + k) % 5 }));
    }
    const planner = repo as unknown as { pagePlan(query: EventQuery): { articlesInOrder?: boolean } };
    assert.equal(planner.pagePlan({ source: 'الانباء', limit: 2 }).articlesInOrder, true);
    assert.equal(planner.pagePlan({ source: 'الانباء' }).articlesInOrder, undefined);
    for (const sort of [undefined, 'fatalities', 'date-asc'] as const) {
      const all = (await repo.listEvents({ source: 'الانباء', sort })).map((e) => e.record.id);
      assert.equal(all.length, 9);
      // Share 3/4 of 12 events: a page of 2 is read in order (but oldest first has no index for that).
      assert.deepEqual(
        (await repo.listEvents({ source: 'الانباء', sort, limit: 2 })).map((e) => e.record.id),
        all.slice(0, 2),
        sort,
      );
      assert.deepEqual(
        (await repo.listEvents({ source: 'الانباء', sort, limit: 2, offset: 3 })).map((e) => e.record.id),
        all.slice(3, 5),
        sort,
      );
    }
  });
});

test('an outlet read in order is checked on the event row, which follows the origins an article gains', async () => {
  await withRepo(async (_unused, path) => {
    // Stored at version 15 (before events.outlets), then opened by this code: the column is filled.
    const v15 = new SqliteRepository(`${path}-v15`, SQLITE_MIGRATIONS.slice(0, 15));
    try {
      for (let a = 0; a < 4; a++) await storeReport(v15, a, a < 3 ? 'وكالة الأنباء' : 'صحيفة', () => ({}));
    } finally {
      await v15.close();
    }
    const repo = new SqliteRepository(`${path}-v15`);
    try {
      const planner = repo as unknown as { pagePlan(query: EventQuery): { articlesInOrder?: boolean } };
      const ids = async (query: EventQuery) => (await repo.listEvents(query)).map((e) => e.record.id);
      // Read in order (a page of 2) and through the origins' index (every match): the same events.
      const samePages = async (source: string, expected: string[]) => {
        assert.equal(planner.pagePlan({ source, limit: 2 }).articlesInOrder, true, source);
        assert.deepEqual(await ids({ source }), expected, source);
        assert.deepEqual(await ids({ source, limit: 2 }), expected.slice(0, 2), source);
        assert.deepEqual(await ids({ source, limit: 2, offset: 2 }), expected.slice(2, 4), source);
      };
      const events = (articles: number[]) => articles.flatMap((a) => [`e${a}2`, `e${a}1`, `e${a}0`]);
      await samePages('الانباء', events([2, 1, 0]));
      // An origin gained after the events were written: the article's events follow it, and the
      // words of one filter must all be in one origin's outlet.
      await repo.upsertArticle(
        'a3',
        input('', 'نص 3', { origin: { url: 'u', source: 'وكالة الشرق', input: 'test', externalId: null } }),
      );
      await samePages('وكالة', events([3, 2, 1, 0]));
      await samePages('الانباء', events([2, 1, 0]));
      assert.deepEqual(await ids({ source: 'صحيفة الشرق', limit: 2 }), [], 'words from two origins');
      // Events written again keep their outlets.
      await repo.replaceEvents('a3', [eventRecord('e30', { date: '2019-04-10' })]);
      await samePages('وكالة', ['e30', ...events([2, 1, 0])]);
    } finally {
      await repo.close();
    }
  });
});

test('a page is read in one snapshot: a commit by another connection between its rows and its JSON changes nothing in it', async () => {
  await withRepo(async (repo, path) => {
    for (let a = 0; a < 3; a++) await storeReport(repo, a, 'وكالة', () => ({}));
    const idsOf = (page: Uint8Array) =>
      (JSON.parse(Buffer.from(page).toString('utf8')) as { id: string }[]).map((e) => e.id);
    const before = idsOf(await repo.eventSummaryPage({ limit: 5 }));
    assert.equal(before.length, 5);
    // Another process deletes the page's first event just after the page's rows were chosen.
    const other = new Database(path);
    const internals = repo as unknown as { pageRowids(query: EventQuery): number[] };
    const chooseRows = internals.pageRowids.bind(repo);
    internals.pageRowids = (query) => {
      const rows = chooseRows(query);
      other.prepare('DELETE FROM events WHERE id = ?').run(before[0]);
      return rows;
    };
    try {
      assert.deepEqual(idsOf(await repo.eventSummaryPage({ limit: 5 })), before);
    } finally {
      internals.pageRowids = chooseRows;
      other.close();
    }
    const after = idsOf(await repo.eventSummaryPage({ limit: 5 }));
    assert.ok(!after.includes(before[0]), 'the next page sees the deletion');
  });
});

test('a deep page of fused events, newest first, read from a kept anchor is the page the plain query gives', async () => {
  await withRepo(async (repo) => {
    // 25,000 fused events over 500 days (50 on each: ties at every anchor), 300 undated at the end.
    const insert = repo.db.prepare(
      `INSERT INTO fused_events (id, date, fatalities, fatalities_max, event_type, country, review_status)
       VALUES (?, ?, 0, 0, ?, 'LY', ?)`,
    );
    const day = (n: number) => new Date(Date.UTC(2019, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    repo.db.transaction(() => {
      for (let i = 0; i < 25_300; i++)
        insert.run(
          `fe-${String((i * 7919) % 25_300).padStart(5, '0')}`,
          i < 25_000 ? day(i % 500) : null,
          i % 3 ? 'Battles' : 'Protests',
          i % 11 ? null : 'dismissed',
        );
    })();
    assert.equal(await repo.countFusedEvents({ includeDismissed: true }), 25_300);
    const pageOf = (query: EventQuery) =>
      (repo as unknown as { fusedPageRowids(q: EventQuery): number[] }).fusedPageRowids(query);
    const plain = (query: EventQuery & { offset: number; limit: number }) => {
      const type = query.type ? 'AND event_type = ?' : '';
      const dismissed = query.includeDismissed ? '' : `AND review_status IS NOT 'dismissed'`;
      return repo.db
        .prepare(`SELECT rowid FROM fused_events WHERE 1 ${type} ${dismissed} ORDER BY date DESC, id LIMIT ? OFFSET ?`)
        .pluck(true)
        .all(...(query.type ? [query.type] : []), query.limit, query.offset);
    };
    const queries: (EventQuery & { offset: number; limit: number })[] = [];
    for (const offset of [9_999, 10_000, 10_001, 14_950, 19_999, 20_000, 22_650, 22_700, 22_760, 22_900])
      for (const filters of [{}, { type: 'Battles' }, { includeDismissed: true }])
        queries.push({ ...filters, offset, limit: 100 });
    for (const query of queries) assert.deepEqual(pageOf(query), plain(query), JSON.stringify(query));
    // Asked again, from the anchors kept, and after a write, which empties them.
    for (const query of queries) assert.deepEqual(pageOf(query), plain(query), `again ${JSON.stringify(query)}`);
    insert.run('fe-new', '2030-01-01', 'Battles', null);
    for (const query of queries)
      assert.deepEqual(pageOf(query), plain(query), `after a write ${JSON.stringify(query)}`);
  });
});

test('an article is checked by itself as the text index matches it, letters the index folds included', async () => {
  await withRepo(async (repo) => {
    // The index folds É into é, the Kelvin sign into k and the long s into s; normalisation folds ASCII only.
    const texts = [
      'Outlet 3 reports',
      'outlet',
      'Élan',
      'élan',
      'par\u212a',
      'park',
      '\u017ftrike',
      'strike',
      'مقتل ثلاثة',
    ];
    for (const [i, text] of texts.entries()) await repo.upsertArticle(`a${i}`, input('', text));
    for (const search of ['outlet', 'OUTLET 3', 'élan', 'ÉLAN', 'park', 'strike', 'مقتل', 'ثلاثه', 'ou', 'et 3']) {
      const text = textSearch(search)!;
      const byIndex = repo.db
        .prepare(`${text.rowids} ORDER BY rowid`)
        .pluck(true)
        .all(...text.params);
      // As the filters check it: the rowid from the article's row (with MATCH, a rowid bound as
      // a parameter is not applied by SQLite 3.53's FTS5, which returns every match).
      const oneByOne = repo.db
        .prepare(
          `SELECT a.seq FROM articles a WHERE EXISTS (SELECT 1 FROM articles_fts WHERE rowid = a.seq AND ${text.stored.conditions})
           ORDER BY a.seq`,
        )
        .pluck(true)
        .all(...text.stored.params);
      assert.deepEqual(oneByOne, byIndex, search);
      assert.ok(byIndex.length > 0, search);
    }
  });
});

test('a page of a word most articles hold checks their text one by one, the same as through the index', async () => {
  await withRepo(async (repo) => {
    for (let a = 0; a < 30; a++) {
      await repo.upsertArticle(`a${a}`, input('', a % 10 === 0 ? 'نص آخر' : `outlet ${a}`));
      await repo.replaceEvents(`a${a}`, [eventRecord(`e${a}`, { date: `2019-01-${String(a + 1).padStart(2, '0')}` })]);
    }
    const planner = repo as unknown as { pagePlan(query: EventQuery): { textPerArticle?: boolean } };
    assert.equal(planner.pagePlan({ q: 'outlet', limit: 2 }).textPerArticle, true);
    assert.ok(!planner.pagePlan({ q: 'outlet' }).textPerArticle, 'every match: collected off the index');
    const all = (await repo.listEvents({ q: 'outlet' })).map((e) => e.record.id);
    assert.equal(all.length, 27);
    for (const offset of [0, 5])
      assert.deepEqual(
        (await repo.listEvents({ q: 'outlet', limit: 2, offset })).map((e) => e.record.id),
        all.slice(offset, offset + 2),
      );
  });
});

test('a text matching more articles than the planner keeps is searched in the index, with the same answers', async () => {
  await withRepo(async (repo) => {
    const expected: string[] = [];
    await repo.transaction(async () => {
      for (let a = 0; a < 1200; a++) {
        const word = a % 10 !== 0;
        await repo.upsertArticle(`a${a}`, input('', `نص ${a}${word ? ' كلمة' : ''}${a % 100 === 7 ? ' نادرة' : ''}`));
        await repo.replaceEvents(`a${a}`, [eventRecord(`e${a}`, { date: '2019-01-01', fatalities: a % 7 })]);
        if (word) expected.push(`e${a}`);
      }
    });
    // Articles are stored in order: a's seq is a + 1.
    const planner = repo as unknown as { textMatched(text: TextSearch): string | undefined };
    assert.equal(planner.textMatched(textSearch('كلمة')!), undefined, 'too many to keep');
    const rare = [...Array(1200).keys()].filter((a) => a % 100 === 7).map((a) => a + 1);
    assert.deepEqual(JSON.parse(planner.textMatched(textSearch('نادرة')!)!), rare);
    assert.equal((await repo.listEvents({ q: 'نادرة كلمة' })).length, 12);
    assert.deepEqual((await repo.listEvents({ q: 'كلمة' })).map((e) => e.record.id).sort(), expected.sort());
    assert.deepEqual(await repo.countEventsUpTo({ q: 'كلمة' }, 10_000), { total: 1080, capped: false });
    const all = (await repo.listEvents({ q: 'كلمة', sort: 'fatalities' })).map((e) => e.record.id);
    assert.deepEqual(
      (await repo.listEvents({ q: 'كلمة', sort: 'fatalities', limit: 3, offset: 10 })).map((e) => e.record.id),
      all.slice(10, 13),
    );
  });
});

test("a rare word's events and fused events, kept by rowid, are those of its articles, through writes and filters", async () => {
  await withRepo(async (repo) => {
    const rare = { id: 'rare-brigade', name: 'Rare Brigade', name_ar: 'كتيبة نادرة', inter: 3 };
    const store = async (a: number, word: boolean) => {
      await repo.upsertArticle(`a${a}`, input('', `نص ${a}${word ? ' كلمة' : ''}`));
      await repo.replaceEvents(
        `a${a}`,
        [0, 1].map((k) =>
          eventRecord(`e${a}${k}`, { date: `2019-0${k + 1}-1${a}`, actor2: k === 0 ? rare : null, fatalities: a % 3 }),
        ),
      );
    };
    for (let a = 0; a < 6; a++) await store(a, a % 2 === 0);
    await fusePending(repo);
    const articleOf = repo.db.prepare('SELECT article_id FROM events WHERE id = ?').pluck(true);
    const holds = (eventId: string) => [0, 2, 4, 6].map((a) => `a${a}`).includes(articleOf.get(eventId) as string);
    const check = async (step: string) => {
      for (const query of [{}, { type: 'Battles' }, { actor: 'نادرة' }, { sort: 'fatalities' as const }]) {
        const label = `${step}: ${JSON.stringify(query)}`;
        const events = (await repo.listEvents({ ...query, q: 'كلمة' })).map((e) => e.record.id);
        const expectedEvents = (await repo.listEvents(query)).map((e) => e.record.id).filter(holds);
        assert.deepEqual(events, expectedEvents, label);
        const fused = (await repo.listFusedEvents({ ...query, q: 'كلمة' })).map((f) => f.id);
        const expectedFused = (await repo.listFusedEvents(query))
          .filter((f) => f.members.some((m) => holds(m.eventId)))
          .map((f) => f.id);
        assert.deepEqual(fused, expectedFused, label);
        assert.ok(fused.length > 0, label);
        assert.equal(await repo.countFusedEvents({ ...query, q: 'كلمة' }), fused.length, label);
        assert.deepEqual(
          (await repo.listFusedEvents({ ...query, q: 'كلمة', limit: 1, offset: 1 })).map((f) => f.id),
          fused.slice(1, 2),
          label,
        );
      }
    };
    await check('stored');
    const planner = repo as unknown as { textMatchedEvents(text: TextSearch): string | undefined };
    assert.equal(JSON.parse(planner.textMatchedEvents(textSearch('كلمة')!)!).length, 6, 'kept: three articles');
    // A write moves the change mark: what was kept for the word is read again.
    await store(6, true);
    await fusePending(repo);
    await check('an article added');
    assert.equal(JSON.parse(planner.textMatchedEvents(textSearch('كلمة')!)!).length, 8, 'kept: four articles');
  });
});

test("a page of a rare actor is read from the actor's events, the same as in order", async () => {
  await withRepo(async (repo) => {
    const rare = { id: 'rare-brigade', name: 'Rare Brigade', name_ar: 'كتيبة نادرة', inter: 3 };
    for (let a = 0; a < 4; a++) {
      await storeReport(repo, a, a < 2 ? 'وكالة الأنباء' : 'صحيفة', (k) => ({
        actor2: k === 1 ? rare : null,
        fatalities: k,
      }));
    }
    const planner = repo as unknown as {
      pagePlan(query: EventQuery): { actorDriven?: boolean; actorInOrder?: string };
    };
    // One actor, newest first: off its dated index; another order: from its events if they are few.
    assert.equal(planner.pagePlan({ actor: 'نادرة', limit: 2 }).actorInOrder, 'rare-brigade');
    assert.equal(planner.pagePlan({ actor: 'نادرة', limit: 2, sort: 'fatalities' }).actorDriven, true);
    assert.equal(planner.pagePlan({ actor: 'lna', limit: 2, sort: 'fatalities' }).actorDriven, undefined);
    for (const query of [
      { actor: 'نادرة' },
      { actorIds: ['rare-brigade'], sort: 'fatalities' as const },
      { actor: 'نادرة', source: 'الانباء' },
      { actor: 'نادرة', sort: 'date-asc' as const },
    ]) {
      const all = (await repo.listEvents(query)).map((e) => e.record.id);
      const paged = (await repo.listEvents({ ...query, limit: 1, offset: 1 })).map((e) => e.record.id);
      assert.deepEqual(paged, all.slice(1, 2), JSON.stringify(query));
    }
    assert.deepEqual(
      (await repo.listEvents({ actor: 'نادرة', limit: 2 })).map((e) => e.record.id),
      ['e31', 'e21'],
    );
  });
});

test("a fused event's actors are its members', through fusion, re-extraction, review and removal; an actor's page is read off them", async () => {
  await withRepo(async (repo) => {
    const rare = { id: 'rare-brigade', name: 'Rare Brigade', name_ar: 'كتيبة نادرة', inter: 3 };
    const events = (a: number, withRare: boolean) =>
      [0, 1, 2].map((k) =>
        eventRecord(`e${a}${k}`, {
          date: `2019-0${k + 1}-1${a}`,
          actor2: withRare && k !== 1 ? rare : null,
          fatalities: (a + k) % 4,
        }),
      );
    for (let a = 0; a < 4; a++) {
      await repo.upsertArticle(`a${a}`, input('', `نص ${a}`));
      await repo.replaceEvents(`a${a}`, events(a, a % 2 === 0));
    }
    await fusePending(repo);
    // What the members' actors say, at their fused event's date.
    const fromMembers = () =>
      repo.db
        .prepare(
          `SELECT DISTINCT f.id, ea.actor_id, f.date FROM fused_events f JOIN event_clusters c ON c.cluster_id = f.id
           JOIN event_actors ea ON ea.event_id = c.event_id ORDER BY 1, 2`,
        )
        .all();
    const kept = () => repo.db.prepare('SELECT fused_id AS id, actor_id, date FROM fused_actors ORDER BY 1, 2').all();
    const hasActor = repo.db.prepare('SELECT 1 FROM event_actors WHERE event_id = ? AND actor_id = ?');
    const check = async (step: string) => {
      assert.deepEqual(kept(), fromMembers(), step);
      for (const [query, actorId] of [
        [{ actor: 'نادرة' }, 'rare-brigade'],
        [{ actorIds: ['rare-brigade'], sort: 'fatalities' }, 'rare-brigade'],
        [{ actorIds: ['lna'] }, 'lna'],
      ] as [EventQuery, string][]) {
        const label = `${step}: ${JSON.stringify(query)}`;
        const all = (await repo.listFusedEvents(query)).map((f) => f.id);
        const { actor: _actor, actorIds: _actorIds, ...others } = query;
        const withMember = (await repo.listFusedEvents(others))
          .filter((f) => f.members.some((m) => hasActor.get(m.eventId, actorId)))
          .map((f) => f.id);
        assert.deepEqual(all, withMember, label);
        assert.equal(await repo.countFusedEvents(query), all.length, label);
        assert.deepEqual(
          (await repo.listFusedEvents({ ...query, limit: 2, offset: 1 })).map((f) => f.id),
          all.slice(1, 3),
          label,
        );
        assert.deepEqual(await repo.listFusedEvents({ ...query, source: 'nowhere' }), [], label);
      }
    };
    await check('fused');
    assert.ok(kept().some((r) => (r as { actor_id: string }).actor_id === 'rare-brigade'));
    await repo.replaceEvents('a0', events(0, false));
    await fusePending(repo);
    await check('re-extracted without the actor');
    await repo.replaceEvents('a1', events(1, true));
    await fusePending(repo);
    await check('re-extracted with it');
    const [first] = await repo.listFusedEvents({ actor: 'نادرة' });
    await repo.reviewEvent(first.id, { action: 'correct', changes: { date: '2018-12-31' } });
    await fusePending(repo);
    await check('a date corrected');
    await repo.deleteArticle('a2');
    await fusePending(repo);
    await check('an article removed');
  });
});

test('closing skips the statistics, and still closes, while another process holds the write lock', async () => {
  await withRepo(async (repo, path) => {
    await repo.upsertArticle('a1', input('', 'نص'));
    const reader = new SqliteRepository(path);
    // Whether close waits is read from SQLite, not from the clock: the lock timeout in force when
    // the statistics (which need the write lock) are refreshed.
    const pragma = reader.db.pragma.bind(reader.db);
    const timeoutsAtOptimize: unknown[] = [];
    reader.db.pragma = (source, options) => {
      if (source.startsWith('optimize')) timeoutsAtOptimize.push(pragma('busy_timeout', { simple: true }));
      return pragma(source, options);
    };
    repo.db.exec('BEGIN IMMEDIATE');
    try {
      await reader.close();
      assert.equal(reader.db.open, false);
      assert.deepEqual(timeoutsAtOptimize, [0], 'close waited for the lock');
    } finally {
      repo.db.exec('ROLLBACK');
    }
  });
});

test('migration 10 moves fused records into their own table, with the sources and outlets lists show', async () => {
  await withRepo(async (_unused, path) => {
    // A store at version 9, whose fused event has its record in its row.
    const v9 = new SqliteRepository(`${path}-v9`, withActorDates(SQLITE_MIGRATIONS.slice(0, 9)));
    try {
      await v9.upsertArticle(
        'a1',
        input('\u202eعنوان', 'نص', { origin: { url: null, source: 'وكالة', input: 'test', externalId: null } }),
      );
      await v9.replaceEvents('a1', [eventRecord('e1', { fatalities: 3 })]);
      const record = eventRecord('fe-e1', { fatalities: 3 });
      v9.db
        .prepare(
          `INSERT INTO fused_events (id, date, fatalities, fatalities_max, event_type, sub_event_type, country, admin1,
             place_id, lat, lon, modality, reports, explanation, record)
           VALUES ('fe-e1', ?, 3, 3, ?, ?, 'LY', ?, ?, ?, ?, ?, 1, '["e1 first"]', ?)`,
        )
        .run(
          record.date,
          record.event_type,
          record.sub_event_type,
          record.location!.admin1,
          record.location!.id,
          record.location!.lat,
          record.location!.lon,
          record.modality,
          JSON.stringify(record),
        );
      v9.db
        .prepare(
          `INSERT INTO event_clusters (event_id, cluster_id, position, joined_by) VALUES ('e1', 'fe-e1', 0, 'first')`,
        )
        .run();
      v9.db.prepare('DELETE FROM fusion_queue').run();
    } finally {
      await v9.close();
    }
    const repo = new SqliteRepository(`${path}-v9`);
    try {
      const [fused] = await repo.listFusedEvents({});
      assert.deepEqual(
        [fused.id, fused.record.fatalities, fused.explanation, fused.outlets],
        ['fe-e1', 3, ['e1 first'], 1],
      );
      const [item] = await repo.fusedItemPage({});
      assert.ok(item instanceof Uint8Array);
      const shown = JSON.parse(Buffer.from(item).toString('utf8'));
      assert.deepEqual(shown, fusedItemView(fused));
      assert.equal(shown.sources[0].title, 'عنوان');
      const columns = repo.db.prepare('SELECT name FROM pragma_table_info(?)').pluck(true);
      assert.deepEqual(
        ['record', 'explanation', 'machine_record'].filter((c) => columns.all('fused_events').includes(c)),
        [],
      );
    } finally {
      await repo.close();
    }
  });
});

test('fts query quotes terms and keeps short terms for LIKE, wildcards escaped', () => {
  assert.deepEqual(ftsQuery('حَفتر "x'), { match: '"حفتر"', likes: ['%x%'] });
  assert.deepEqual(ftsQuery('5_ حفتر'), { match: '"حفتر"', likes: ['%5\\_%'] });
});

test('migrations 4 and 5 bring events stored before them into the lookup tables, the fusion queue and the list summaries', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  const path = join(dir, 'old.db');
  try {
    // A store at version 3, with rows as version 3 wrote them.
    const old = new Database(path);
    old.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const m of SQLITE_MIGRATIONS.slice(0, 3)) {
      old.exec(m.sql);
      old
        .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(m.version, m.name, 'then');
    }
    for (const [id, text] of [
      ['a1', 'نص أ'],
      ['a2', 'نص ب'],
    ]) {
      old.prepare(`INSERT INTO articles (id, title, text, ingested_at) VALUES (?, '', ?, 'then')`).run(id, text);
      old
        .prepare(
          `INSERT INTO article_origins (article_id, url, source, input, added_at) VALUES (?, NULL, 'وكالة', 'test', 'then')`,
        )
        .run(id);
    }
    for (const [articleId, e] of [
      ['a1', eventRecord('e1', { fatalities: 3 })],
      ['a2', eventRecord('e2', { fatalities: 5 })],
    ] as const) {
      const text = eventFilterText(e);
      old
        .prepare(
          `INSERT INTO events (id, article_id, event_type, sub_event_type, date, lat, lon, admin1, fatalities, modality, actors_text, place_text, record)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          e.id,
          articleId,
          e.event_type,
          e.sub_event_type,
          e.date,
          e.location!.lat,
          e.location!.lon,
          e.location!.admin1,
          e.fatalities,
          e.modality,
          text.actors,
          text.place,
          JSON.stringify(e),
        );
    }
    old.close();
    const repo = new SqliteRepository(path);
    try {
      assert.deepEqual(
        (await repo.listEvents({ actor: 'الجيش الوطني', place: 'طرابلس' })).map((e) => e.record.id),
        ['e1', 'e2'],
      );
      assert.deepEqual(await repo.fusionQueue(), ['e1', 'e2']);
      await fusePending(repo);
      assert.deepEqual(
        (await repo.listFusedEvents({})).map((f) => [f.id, f.fatalities_range]),
        [['fe-e1', [3, 5]]],
      );
      // Migration 5 gave the old rows their list summaries.
      const [summary] = JSON.parse(
        Buffer.from(await repo.eventSummaryPage({ ids: ['e1'] })).toString('utf8'),
      ) as unknown[];
      const { evidence: _evidence, sources: _sources, ...coded } = eventRecord('e1', { fatalities: 3 });
      assert.deepEqual(summary, {
        ...coded,
        article: { id: 'a1', title: '', published: null, source: 'وكالة', url: null },
      });
    } finally {
      await repo.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a store from before the tallies and the fused events' actors gets them from what it holds", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  const old = join(dir, 'old.db');
  try {
    const before = new SqliteRepository(old, withActorDates(SQLITE_MIGRATIONS.filter((m) => m.version <= 10)));
    await before.upsertArticle(
      'a1',
      input('', 'نص', {
        published: '2019-04-09',
        origin: { url: 'u', source: 'وكالة', input: 't', externalId: null },
      }),
    );
    await before.replaceEvents('a1', [
      eventRecord('e1', { fatalities: 2 }),
      eventRecord('e2', { date: null, location: null, event_type: 'Protests', sub_event_type: 'Peaceful protest' }),
      eventRecord('e3', { date: '2019-05-01', fatalities: 4 }),
    ]);
    await fusePending(before);
    await before.reviewEvent('e3', { action: 'dismiss' });
    await before.close();
    const after = new SqliteRepository(old);
    try {
      for (const query of [{}, { includeDismissed: true }, { type: 'Battles', since: '2019-01-01' }] as EventQuery[]) {
        const fromEvents = { ...query, fatalitiesMin: 0 };
        assert.equal(await after.countEvents(query), await after.countEvents(fromEvents));
        assert.deepEqual(await after.eventStats(query), await after.eventStats(fromEvents));
        assert.deepEqual(await after.fusedEventStats(query, 'week'), await after.fusedEventStats(fromEvents, 'week'));
      }
      assert.equal((await after.fusedEventStats({}, 'month')).byActor.length, 2);
      // Migration 15: the fused events' actors.
      assert.deepEqual(after.db.prepare('SELECT fused_id, actor_id, date FROM fused_actors ORDER BY 1, 2').all(), [
        { fused_id: 'fe-e1', actor_id: 'gna-forces', date: '2019-04-08' },
        { fused_id: 'fe-e1', actor_id: 'lna', date: '2019-04-08' },
        { fused_id: 'fe-e2', actor_id: 'gna-forces', date: null },
        { fused_id: 'fe-e2', actor_id: 'lna', date: null },
        { fused_id: 'fe-e3', actor_id: 'gna-forces', date: '2019-05-01' },
        { fused_id: 'fe-e3', actor_id: 'lna', date: '2019-05-01' },
      ]);
      assert.deepEqual(
        (await after.listFusedEvents({ actorIds: ['lna'], includeDismissed: true })).map((f) => f.id),
        ['fe-e3', 'fe-e1', 'fe-e2'],
      );
    } finally {
      await after.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
