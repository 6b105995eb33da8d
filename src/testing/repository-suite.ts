/**
 * Behaviour every Repository must have, as one suite run against each backend
 * (store/repository.test.ts): SQLite always, PostgreSQL when MARSAD_TEST_PG names a database.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleInput, ArticleOrigin } from '../core/article.js';
import type { EventActor, EventLocation, EventRecord } from '../events/record.js';
import type { EventQuery, FusedPageItem, Repository } from '../store/repository.js';
import { fuseAll, fusePending } from '../fusion/fuse.js';
import { fusedItemView } from '../server/fused-views.js';
import { talliesAnswer } from '../store/tallies.js';

export function articleInput(title: string, text: string, extra: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title,
    text,
    published: null,
    publishedAt: null,
    publishedRaw: null,
    origin: { url: null, source: null, input: 'test', externalId: null },
    ...extra,
  };
}

function origin(url: string | null, source: string | null, input: string | null = 'test'): { origin: ArticleOrigin } {
  return { origin: { url, source, input, externalId: null } };
}

const HAFTAR: EventActor = { id: 'lna', name: 'Libyan National Army', name_ar: 'الجيش الوطني الليبي', inter: 1 };
const GNA: EventActor = {
  id: 'gna-forces',
  name: 'Government of National Accord forces',
  name_ar: 'قوات حكومة الوفاق',
  inter: 1,
};
const TRIPOLI: EventLocation = {
  id: 'tripoli',
  name: 'Tripoli',
  name_ar: 'طرابلس',
  country: 'Libya',
  admin1: 'Tripoli',
  lat: 32.89,
  lon: 13.19,
  geo_precision: 1,
};
const DERNA: EventLocation = {
  id: 'derna',
  name: 'Derna',
  name_ar: 'درنة',
  country: 'Libya',
  admin1: 'Derna',
  lat: 32.76,
  lon: 22.64,
  geo_precision: 1,
};

export function eventRecord(id: string, fields: Partial<EventRecord> = {}): EventRecord {
  return {
    id,
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    disorder_type: 'Political violence',
    plover: { type: 'FIGHT', mode: null },
    date: '2019-04-08',
    time_precision: 1,
    date_text: 'أمس',
    actor1: HAFTAR,
    assoc_actor_1: [],
    actor2: GNA,
    assoc_actor_2: [],
    location: TRIPOLI,
    fatalities: 0,
    injured: null,
    modality: 'asserted',
    claimed_by: null,
    evidence: [{ start: 0, end: 5, text: 'اشتبك' }],
    trigger: { start: 0, end: 5, text: 'اشتبك' },
    rule: 'test',
    confidence: 0.9,
    sources: [{ field: 'event_type', rule: 'test', evidence: null }],
    ...fields,
  };
}

/**
 * Defines the suite. `open` returns a fresh, empty store for each test (the suite closes it);
 * `cleanup` runs once after the last test. With `skip`, the suite is reported as skipped.
 */
export function defineRepositorySuite(
  name: string,
  open: () => Promise<Repository>,
  cleanup: () => Promise<void>,
  options: { skip?: string } = {},
): void {
  describe(name, { skip: options.skip }, () => {
    after(cleanup);

    const testOnFreshStore = (title: string, fn: (repo: Repository) => Promise<void>): void => {
      test(title, async () => {
        const repo = await open();
        try {
          await fn(repo);
        } finally {
          await repo.close();
        }
      });
    };

    testOnFreshStore('stores an article exactly as received and reads it back', async (repo) => {
      const text = 'قصفَ الطيرانُ مواقعَ «جنوبي» المدينة أمس.\n\nوقال مصدر إن ٣ أشخاص أصيبوا.';
      const stored = articleInput('عنوانٌ', text, {
        published: '2019-04-08',
        publishedAt: '2019-04-08T10:30:00+02:00',
        publishedRaw: 'الإثنين 8 أبريل 2019',
        origin: { url: 'https://a.example/1', source: 'وكالة', input: 'feed.jsonl:3', externalId: 'x-1' },
      });
      assert.equal(await repo.upsertArticle('a1', stored), 'new');
      assert.deepEqual(await repo.getArticle('a1'), {
        id: 'a1',
        title: 'عنوانٌ',
        text,
        published: '2019-04-08',
        publishedAt: '2019-04-08T10:30:00+02:00',
        publishedRaw: 'الإثنين 8 أبريل 2019',
        origins: [{ url: 'https://a.example/1', source: 'وكالة', input: 'feed.jsonl:3', externalId: 'x-1' }],
      });
      assert.equal(await repo.getArticle('missing'), null);
    });

    testOnFreshStore('a duplicate keeps every distinct origin, once, and changes nothing stored', async (repo) => {
      await repo.upsertArticle('a1', articleInput('ع', 'نص', origin('https://a.example/1', 'A', 'x')));
      assert.equal(
        await repo.upsertArticle('a1', articleInput('ع', 'نص آخر', origin('https://b.example/2', 'B', 'y'))),
        'duplicate',
      );
      await repo.upsertArticle('a1', articleInput('ع', 'نص', origin('https://b.example/2', 'B', 'y')));
      // Origins whose fields are all null are the same origin too.
      await repo.upsertArticle('a1', articleInput('ع', 'نص', origin(null, null, null)));
      await repo.upsertArticle('a1', articleInput('ع', 'نص', origin(null, null, null)));
      const got = await repo.getArticle('a1');
      assert.equal(got?.text, 'نص');
      assert.deepEqual(
        got?.origins.map((o) => o.source),
        ['A', 'B', null],
      );
      assert.equal(await repo.countArticles(), 1);
      assert.equal((await repo.stats()).origins, 3);
    });

    testOnFreshStore('a duplicate fills a missing publication date but never overwrites one', async (repo) => {
      await repo.upsertArticle('a1', articleInput('ع', 'نص'));
      await repo.upsertArticle(
        'a1',
        articleInput('ع', 'نص', { published: '2019-04-08', publishedRaw: '8/4/2019', ...origin('u', null, 'z') }),
      );
      await repo.upsertArticle('a1', articleInput('ع', 'نص', { published: '2020-01-01', ...origin('v', null, 'z') }));
      const got = await repo.getArticle('a1');
      assert.equal(got?.published, '2019-04-08');
      assert.equal(got?.publishedRaw, '8/4/2019');
    });

    testOnFreshStore(
      'Arabic search ignores harakat, alef variants, clitics and tatweel; every term must occur',
      async (repo) => {
        await repo.upsertArticle('a1', articleInput('', 'التقى المشير خليفة حفتر بوفد أجنبي.'));
        await repo.upsertArticle('a2', articleInput('', 'وقالت مصادر مقربة من حَفْتَر إن الاجتماع تأجل.'));
        await repo.upsertArticle('a3', articleInput('', 'ورحّب لحفتـــر بعض النواب.'));
        await repo.upsertArticle('a4', articleInput('', 'لا ذكر للاسم هنا في طرابلس.'));
        await repo.upsertArticle('a5', articleInput('إعلان', 'نص عن الأمن في إجدابيا بنسبة 50% تقريبا.'));
        const ids = async (q: string) => (await repo.listArticles({ search: q })).map((a) => a.id).sort();
        const cases: [string, string[]][] = [
          ['حفتر', ['a1', 'a2', 'a3']],
          ['حَفتر', ['a1', 'a2', 'a3']],
          ['خليفة حفتر', ['a1']],
          ['اجدابيا', ['a5']],
          ['اعلان', ['a5']], // in the title
          ['في', ['a4', 'a5']], // a term shorter than a trigram
          ['50%', ['a5']],
          ['5_', []], // wildcards are literal
          ['بنغازي', []],
        ];
        for (const [q, expected] of cases) assert.deepEqual(await ids(q), expected, q);
        assert.equal(await repo.countArticles({ search: 'حفتر' }), 3);
        assert.equal(await repo.countArticles({ search: '  ' }), 5);
      },
    );

    testOnFreshStore(
      'lists newest first with date filters, limit and offset, and each summary names its first source',
      async (repo) => {
        await repo.upsertArticle(
          'old',
          articleInput('قديم', 'نص أول', { published: '2014-08-20', ...origin(null, null) }),
        );
        await repo.upsertArticle('old', articleInput('قديم', 'نص أول', origin('https://b.example/old', 'ب')));
        await repo.upsertArticle(
          'new',
          articleInput('جديد', 'نص ثان', { published: '2019-04-08', ...origin('https://a.example/new', 'أ') }),
        );
        await repo.upsertArticle('undated', articleInput('', 'نص ثالث'));
        await repo.upsertArticle('undated2', articleInput('', 'نص رابع'));
        const list = async (q: Parameters<Repository['listArticles']>[0]) =>
          (await repo.listArticles(q)).map((a) => a.id);
        // Undated last, the later stored first among them.
        assert.deepEqual(await list({}), ['new', 'old', 'undated2', 'undated']);
        assert.deepEqual(await list({ since: '2015-01-01' }), ['new']);
        assert.deepEqual(await list({ until: '2015-01-01' }), ['old']);
        assert.deepEqual(await list({ since: '2014-08-20', until: '2019-04-08' }), ['new', 'old']);
        assert.deepEqual(await list({ limit: 2, offset: 1 }), ['old', 'undated2']);
        assert.equal(await repo.countArticles({ since: '2015-01-01' }), 1);
        const [first, second] = await repo.listArticles({ limit: 2 });
        assert.deepEqual(first, {
          id: 'new',
          title: 'جديد',
          published: '2019-04-08',
          source: 'أ',
          url: 'https://a.example/new',
          chars: 6,
        });
        assert.equal(second.source, 'ب');
      },
    );

    testOnFreshStore('short ids resolve by prefix', async (repo) => {
      await repo.upsertArticle('abc123', articleInput('', 'نص'));
      await repo.upsertArticle('abd456', articleInput('', 'نص آخر'));
      await repo.upsertArticle('b00000', articleInput('', 'نص ثالث'));
      assert.deepEqual(await repo.findArticleId('abc'), ['abc123']);
      assert.deepEqual(await repo.findArticleId('ab'), ['abc123', 'abd456']);
      assert.deepEqual(await repo.findArticleId('abc123'), ['abc123']);
      assert.deepEqual(await repo.findArticleId('c'), []);
      assert.deepEqual([...(await repo.existingArticleIds(['abc123', 'zzz999', 'b00000', 'abc']))].sort(), [
        'abc123',
        'b00000',
      ]);
      assert.equal((await repo.existingArticleIds([])).size, 0);
    });

    testOnFreshStore('stats count articles, events, input records, sources and the date range', async (repo) => {
      assert.deepEqual(await repo.stats(), {
        articles: 0,
        events: 0,
        origins: 0,
        firstPublished: null,
        lastPublished: null,
        sources: 0,
      });
      await repo.upsertArticle('a1', articleInput('', 'نص', { published: '2012-01-02', ...origin('u1', 'أ') }));
      await repo.upsertArticle('a1', articleInput('', 'نص', origin('u2', 'ب')));
      await repo.upsertArticle('a2', articleInput('', 'نص آخر', { published: '2016-05-06', ...origin('u3', 'أ') }));
      await repo.replaceEvents('a1', [eventRecord('e1')]);
      assert.deepEqual(await repo.stats(), {
        articles: 2,
        events: 1,
        origins: 3,
        firstPublished: '2012-01-02',
        lastPublished: '2016-05-06',
        sources: 2,
      });
    });

    testOnFreshStore('a transaction commits together or not at all; a nested one rolls back alone', async (repo) => {
      await assert.rejects(
        repo.transaction(async () => {
          await repo.upsertArticle('a1', articleInput('', 'نص'));
          throw new Error('abort');
        }),
        /abort/,
      );
      assert.equal(await repo.countArticles(), 0);
      const result = await repo.transaction(async () => {
        await repo.upsertArticle('a1', articleInput('', 'نص'));
        await repo
          .transaction(async () => {
            await repo.upsertArticle('a2', articleInput('', 'نص آخر'));
            throw new Error('inner');
          })
          .catch(() => undefined);
        return repo.countArticles();
      });
      assert.equal(result, 1);
      assert.deepEqual(
        (await repo.listArticles({})).map((a) => a.id),
        ['a1'],
      );
    });

    testOnFreshStore('a call from outside an open transaction never joins it', async (repo) => {
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const failing = repo.transaction(async () => {
        await repo.upsertArticle('in', articleInput('', 'داخل'));
        entered();
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new Error('abort');
      });
      await inside;
      const outside = repo.upsertArticle('out', articleInput('', 'خارج'));
      await assert.rejects(failing, /abort/);
      assert.equal(await outside, 'new');
      assert.deepEqual(
        (await repo.listArticles({})).map((a) => a.id),
        ['out'],
      );
    });

    testOnFreshStore(
      'replaceEvents replaces one article’s events, and each round-trips with its article',
      async (repo) => {
        await repo.upsertArticle(
          'a1',
          articleInput('اشتباكات', 'اشتبكت القوات جنوب طرابلس.', {
            published: '2019-04-09',
            ...origin('https://a.example/1', 'وكالة'),
          }),
        );
        await repo.upsertArticle('a2', articleInput('', 'نص آخر'));
        const first = eventRecord('e1', { fatalities: 3, notes: ['ملاحظة'] });
        await repo.replaceEvents('a1', [first, eventRecord('e2')]);
        await repo.replaceEvents('a2', [eventRecord('e3')]);
        assert.equal(await repo.countEvents(), 3);
        assert.deepEqual(await repo.getEvent('e1'), {
          record: first,
          article: {
            id: 'a1',
            title: 'اشتباكات',
            published: '2019-04-09',
            source: 'وكالة',
            url: 'https://a.example/1',
          },
        });
        // Summaries for lists: the record without evidence and sources, with its article.
        const summaries = JSON.parse(
          Buffer.from(await repo.eventSummaryPage({ articleId: 'a1', sort: 'date-asc' })).toString('utf8'),
        ) as unknown;
        const full = await repo.listEvents({ articleId: 'a1', sort: 'date-asc' });
        assert.deepEqual(
          summaries,
          full.map(({ record, article }) => {
            const { evidence: _evidence, sources: _sources, ...coded } = record;
            return { ...coded, article };
          }),
        );
        assert.equal(Buffer.from(await repo.eventSummaryPage({ articleId: 'no-such-article' })).toString('utf8'), '[]');
        // Re-extraction is idempotent: the same events again leave the same store.
        await repo.replaceEvents('a1', [first, eventRecord('e2')]);
        assert.equal(await repo.countEvents(), 3);
        await repo.replaceEvents('a1', [eventRecord('e4')]);
        assert.deepEqual(
          (await repo.listEvents({ sort: 'date-asc' })).map((e) => e.record.id),
          ['e3', 'e4'],
        );
        assert.equal(await repo.getEvent('e1'), null);
        await repo.replaceEvents('a1', []);
        assert.equal(await repo.countEvents({ articleId: 'a1' }), 0);
      },
    );

    testOnFreshStore('event filters, ordering and stats', async (repo) => {
      await repo.upsertArticle(
        'a1',
        articleInput('', 'قصف على طرابلس وحفتر يعلن.', { published: '2019-04-09', ...origin('u1', 'Libya Observer') }),
      );
      await repo.upsertArticle(
        'a2',
        articleInput('', 'اشتباكات في درنة.', { published: '2018-06-12', ...origin('u2', 'بوابة الوسط') }),
      );
      await repo.replaceEvents('a1', [
        eventRecord('e1', {
          date: '2019-04-08',
          fatalities: 2,
          event_type: 'Explosions/Remote violence',
          sub_event_type: 'Shelling/artillery/missile attack',
        }),
        eventRecord('e2', { date: '2019-04-10', fatalities: 5 }),
        eventRecord('e3', { date: null, fatalities: 0, actor2: null, location: null }),
      ]);
      await repo.replaceEvents('a2', [
        eventRecord('e4', {
          date: '2018-06-11',
          fatalities: 5,
          location: DERNA,
          actor1: { ...HAFTAR, name_ar: 'الجَيش الوطني' },
          actor2: null,
        }),
      ]);
      const ids = async (q: Parameters<Repository['listEvents']>[0]) =>
        (await repo.listEvents(q)).map((e) => e.record.id);
      const cases: [string, Parameters<Repository['listEvents']>[0], string[]][] = [
        ['newest first, undated last', {}, ['e2', 'e1', 'e4', 'e3']],
        ['oldest first', { sort: 'date-asc' }, ['e4', 'e1', 'e2', 'e3']],
        ['most fatalities first', { sort: 'fatalities' }, ['e2', 'e4', 'e1', 'e3']],
        ['since', { since: '2019-01-01' }, ['e2', 'e1']],
        ['until', { until: '2019-04-08' }, ['e1', 'e4']],
        ['type', { type: 'Battles' }, ['e2', 'e4', 'e3']],
        ['sub-type', { sub_type: 'Shelling/artillery/missile attack' }, ['e1']],
        ['actor id', { actor: 'gna-forces' }, ['e2', 'e1']],
        ['actor English words', { actor: 'national accord' }, ['e2', 'e1']],
        ['actor Arabic with harakat', { actor: 'الجَيْش' }, ['e2', 'e1', 'e4', 'e3']],
        ['place name', { place: 'Derna' }, ['e4']],
        ['place Arabic', { place: 'طرابلس' }, ['e2', 'e1']],
        ['source words', { source: 'libya observer' }, ['e2', 'e1', 'e3']],
        ['source Arabic', { source: 'الوسط' }, ['e4']],
        ['source Arabic as typed (ه for ة)', { source: 'بوابه' }, ['e4']],
        ['text of the article', { q: 'درنه' }, ['e4']],
        ['text without terms is no filter', { q: '!!! ،' }, ['e2', 'e1', 'e4', 'e3']],
        // Kept by every article: SQLite reads this page in date order, checking the articles on the way.
        ['text of every article, a page', { q: 'ف', limit: 2 }, ['e2', 'e1']],
        ['text of every article, by fatalities', { q: 'ف', sort: 'fatalities', limit: 3 }, ['e2', 'e4', 'e1']],
        ['bbox around Tripoli', { bbox: [12, 32, 14, 33.5] }, ['e2', 'e1']],
        ['article', { articleId: 'a2' }, ['e4']],
        ['ids', { ids: ['e3', 'e1', 'nope'] }, ['e1', 'e3']],
        ['limit and offset', { limit: 2, offset: 1 }, ['e1', 'e4']],
        ['combined', { actor: 'lna', place: 'tripoli', since: '2019-04-09' }, ['e2']],
      ];
      const summaryIds = async (q: Parameters<Repository['eventSummaryPage']>[0]) =>
        (JSON.parse(Buffer.from(await repo.eventSummaryPage(q)).toString('utf8')) as { id: string }[]).map((e) => e.id);
      for (const [label, query, expected] of cases) {
        assert.deepEqual(await ids(query), expected, label);
        assert.deepEqual(await summaryIds(query), expected, `${label} (summaries)`);
        const { limit: _limit, offset: _offset, ...unpaged } = query;
        if (query.limit === undefined) assert.equal(await repo.countEvents(unpaged), expected.length, label);
      }
      assert.deepEqual(await repo.eventStats(), {
        byDay: [
          { date: '2018-06-11', count: 1, fatalities: 5 },
          { date: '2019-04-08', count: 1, fatalities: 2 },
          { date: '2019-04-10', count: 1, fatalities: 5 },
        ],
        byType: [
          { event_type: 'Battles', count: 3, fatalities: 10 },
          { event_type: 'Explosions/Remote violence', count: 1, fatalities: 2 },
        ],
        byAdmin1: [
          { admin1: 'Derna', count: 1, fatalities: 5 },
          { admin1: 'Tripoli', count: 2, fatalities: 7 },
        ],
      });
      assert.deepEqual((await repo.eventStats({ type: 'Battles', since: '2019-01-01' })).byAdmin1, [
        { admin1: 'Tripoli', count: 1, fatalities: 5 },
      ]);
    });

    testOnFreshStore('fusion: one fused event per occurrence, with every source; removal unmerges', async (repo) => {
      for (const [id, source] of [
        ['a1', 'وكالة أ'],
        ['a2', 'جريدة الفجر'],
        ['a3', 'موقع ج'],
      ]) {
        await repo.upsertArticle(
          id,
          articleInput(id, `نص ${id}`, { published: '2019-04-08', ...origin(`u-${id}`, source) }),
        );
      }
      const tajura: EventLocation = {
        ...TRIPOLI,
        id: 'tajura',
        name: 'Tajura',
        name_ar: 'تاجوراء',
        lat: 32.88,
        lon: 13.35,
      };
      await repo.replaceEvents('a1', [
        eventRecord('e1', { fatalities: 4, location: tajura }),
        eventRecord('e5', { date: null, fatalities: 1 }),
      ]);
      // The same clash, actors in the other order; a clash on another day; one 100 km away; an undated one.
      await repo.replaceEvents('a2', [
        eventRecord('e2', { fatalities: 6, actor1: GNA, actor2: HAFTAR }),
        eventRecord('e3', { date: '2019-04-09', fatalities: 1 }),
        eventRecord('e4', { fatalities: 2, location: { ...TRIPOLI, id: 'far', name: 'Far', lat: 32.0, lon: 13.19 } }),
        eventRecord('e6', { date: null, fatalities: 1 }),
      ]);
      assert.deepEqual(await repo.fusionQueue(), ['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
      const summary = await fusePending(repo);
      assert.deepEqual([summary.queued, summary.clusters, summary.fused], [6, 5, 1]);
      assert.deepEqual(await repo.fusionQueue(), []);
      const fused = await repo.listFusedEvents({});
      assert.deepEqual(
        fused.map((f) => [f.id, f.members.map((m) => m.eventId)]),
        [
          ['fe-e3', ['e3']],
          ['fe-e1', ['e1', 'e2']],
          ['fe-e4', ['e4']],
          ['fe-e5', ['e5']],
          ['fe-e6', ['e6']],
        ],
      );
      const clash = fused[1];
      assert.equal(clash.record.id, 'fe-e1');
      assert.equal(clash.record.fatalities, 4);
      assert.deepEqual(clash.fatalities_range, [4, 6]);
      assert.equal(clash.record.location?.name, 'Tajura', 'equally precise places: the earliest report’s');
      assert.deepEqual(
        clash.members.map((m) => [m.article.id, m.article.source]),
        [
          ['a1', 'وكالة أ'],
          ['a2', 'جريدة الفجر'],
        ],
      );
      assert.match(
        clash.explanation[2],
        /^e2 .*joined e1: same type Battles\/Armed clash, same day 2019-04-08, 15\.0 km apart \(Tajura \/ Tripoli\), actors compatible \(in the other order\)$/,
      );
      assert.equal((await repo.getFusedEvent('e2'))?.id, 'fe-e1');
      assert.equal((await repo.getFusedEvent('fe-e1'))?.members.length, 2);
      assert.equal(await repo.getFusedEvent('nope'), null);

      // Filters match any member; ids name fused events.
      const ids = async (q: Parameters<Repository['listFusedEvents']>[0]) =>
        (await repo.listFusedEvents(q)).map((f) => f.id);
      assert.deepEqual(await ids({ source: 'الفجر' }), ['fe-e3', 'fe-e1', 'fe-e4', 'fe-e6']);
      assert.deepEqual(await ids({ place: 'tajura' }), ['fe-e1']);
      assert.deepEqual(await ids({ sort: 'fatalities', limit: 2 }), ['fe-e1', 'fe-e4']);
      assert.deepEqual(await ids({ ids: ['fe-e4', 'e2'] }), ['fe-e4']);
      assert.equal(await repo.countFusedEvents(), 5);
      assert.equal(await repo.countFusedEvents({ since: '2019-04-09' }), 1);

      // Recomputing everything gives the same clusters.
      await fuseAll(repo);
      assert.deepEqual(
        (await repo.listFusedEvents({})).map((f) => [f.id, f.members.length, f.explanation]),
        fused.map((f) => [f.id, f.members.length, f.explanation]),
      );

      // A third report joins; removing the first article leaves the others fused under a new id.
      await repo.replaceEvents('a3', [eventRecord('e0', { fatalities: 9 })]);
      await fusePending(repo);
      assert.deepEqual(
        (await repo.getFusedEvent('e1'))?.members.map((m) => m.eventId),
        ['e0', 'e1', 'e2'],
      );
      assert.equal(await repo.deleteArticle('a1'), true);
      assert.equal(await repo.deleteArticle('a1'), false);
      assert.equal(await repo.getArticle('a1'), null);
      assert.deepEqual(await repo.fusionQueue(), ['e0', 'e2']);
      await fusePending(repo);
      const after = await repo.getFusedEvent('e2');
      assert.deepEqual(
        [after?.id, after?.members.map((m) => m.eventId), after?.fatalities_range],
        ['fe-e0', ['e0', 'e2'], [6, 9]],
      );
      assert.equal(await repo.deleteArticle('a3'), true);
      await fusePending(repo);
      const alone = await repo.getFusedEvent('e2');
      assert.deepEqual(
        [alone?.id, alone?.members.length, alone?.record.fatalities, alone?.fatalities_range],
        ['fe-e2', 1, 6, [6, 6]],
      );
      assert.equal(await repo.countFusedEvents(), 4);
      assert.equal((await repo.stats()).events, 4);
    });

    testOnFreshStore(
      'trends of fused events: by week or month and type, admin1, actor, outlet; unplaced',
      async (repo) => {
        for (const [id, source] of [
          ['a1', 'وكالة أ'],
          ['a2', 'جريدة الفجر'],
        ]) {
          await repo.upsertArticle(
            id,
            articleInput(id, `نص ${id}`, { published: '2019-04-16', ...origin(`u-${id}`, source) }),
          );
        }
        await repo.replaceEvents('a1', [
          eventRecord('e1', { fatalities: 4 }),
          // A Sunday: the week of Monday 2019-04-08. No place.
          eventRecord('e5', {
            event_type: 'Explosions/Remote violence',
            sub_event_type: 'Air/drone strike',
            date: '2019-04-14',
            location: null,
            actor2: null,
            fatalities: 1,
          }),
        ]);
        await repo.replaceEvents('a2', [
          eventRecord('e2', { fatalities: 6 }),
          eventRecord('e3', { date: '2019-04-15', location: DERNA, fatalities: 2 }),
          eventRecord('e4', { date: null, location: DERNA }),
        ]);
        await fusePending(repo);
        assert.equal(await repo.countFusedEvents(), 4);
        const weekly = await repo.fusedEventStats({}, 'week');
        assert.deepEqual(weekly, {
          total: 4,
          fatalities: 7,
          unplaced: 1,
          byPeriod: [
            { period: '2019-04-08', event_type: 'Battles', count: 1, fatalities: 4 },
            { period: '2019-04-08', event_type: 'Explosions/Remote violence', count: 1, fatalities: 1 },
            { period: '2019-04-15', event_type: 'Battles', count: 1, fatalities: 2 },
          ],
          byType: [
            { event_type: 'Battles', count: 3, fatalities: 6 },
            { event_type: 'Explosions/Remote violence', count: 1, fatalities: 1 },
          ],
          byAdmin1: [
            { country: 'Libya', admin1: 'Derna', count: 2, fatalities: 2 },
            { country: 'Libya', admin1: 'Tripoli', count: 1, fatalities: 4 },
          ],
          byActor: [
            { id: 'lna', name: HAFTAR.name, name_ar: HAFTAR.name_ar, count: 4, fatalities: 7 },
            { id: 'gna-forces', name: GNA.name, name_ar: GNA.name_ar, count: 3, fatalities: 6 },
          ],
          byOutlet: [
            { outlet: 'جريدة الفجر', count: 3, fatalities: 6 },
            { outlet: 'وكالة أ', count: 2, fatalities: 5 },
          ],
        });
        assert.deepEqual((await repo.fusedEventStats({}, 'month')).byPeriod, [
          { period: '2019-04-01', event_type: 'Battles', count: 2, fatalities: 6 },
          { period: '2019-04-01', event_type: 'Explosions/Remote violence', count: 1, fatalities: 1 },
        ]);
        // The same filter as the list: a fused event counts when one of its members matches.
        const battles = await repo.fusedEventStats({ type: 'Battles' }, 'week');
        assert.deepEqual(
          [battles.total, battles.unplaced, battles.byOutlet],
          [
            3,
            0,
            [
              { outlet: 'جريدة الفجر', count: 3, fatalities: 6 },
              { outlet: 'وكالة أ', count: 1, fatalities: 4 },
            ],
          ],
        );
        const oneOutlet = await repo.fusedEventStats({ source: 'وكالة' }, 'week');
        assert.deepEqual(
          [oneOutlet.total, oneOutlet.unplaced, oneOutlet.byAdmin1],
          [2, 1, [{ country: 'Libya', admin1: 'Tripoli', count: 1, fatalities: 4 }]],
        );
        // The events the map cannot show, listed and counted by the same filter.
        assert.deepEqual(
          (await repo.listFusedEvents({ placed: false })).map((f) => f.id),
          ['fe-e5'],
        );
        assert.equal(await repo.countFusedEvents({ placed: true }), 3);
        assert.equal((await repo.fusedEventStats({ placed: false }, 'week')).total, 1);
        const none = await repo.fusedEventStats({ since: '2030-01-01' }, 'week');
        assert.deepEqual(none, {
          total: 0,
          fatalities: 0,
          unplaced: 0,
          byPeriod: [],
          byType: [],
          byAdmin1: [],
          byActor: [],
          byOutlet: [],
        });
      },
    );

    testOnFreshStore('re-extracting an article re-fuses what rested on its events', async (repo) => {
      await repo.upsertArticle('a1', articleInput('a1', 'نص أ'));
      await repo.upsertArticle('a2', articleInput('a2', 'نص ب'));
      await repo.replaceEvents('a1', [eventRecord('e1')]);
      await repo.replaceEvents('a2', [eventRecord('e2')]);
      await fusePending(repo);
      assert.equal((await repo.getFusedEvent('e2'))?.members.length, 2);
      await repo.replaceEvents('a1', [eventRecord('e1', { date: '2019-05-01' })]);
      await fusePending(repo);
      assert.deepEqual(
        (await repo.listFusedEvents({})).map((f) => f.id),
        ['fe-e1', 'fe-e2'],
      );
    });

    testOnFreshStore(
      'queued work is claimed oldest first, by one worker, and finished by its holder only',
      async (repo) => {
        const ids = await repo.enqueueWork('articles', ['[1]', '[2]']);
        assert.equal(ids.length, 2);
        const first = await repo.claimWork('w1', 60);
        assert.deepEqual(first, { id: ids[0], kind: 'articles', payload: '[1]', attempts: 1 });
        assert.equal((await repo.claimWork('w2', 60))?.id, ids[1]);
        assert.equal(await repo.claimWork('w3', 60), null);
        assert.equal(await repo.finishWork(ids[0], 'w2', { result: 'x' }), false, 'w2 does not hold the first item');
        assert.equal(await repo.finishWork(ids[0], 'w1', { result: '{"articles":1}' }), true);
        assert.equal(await repo.finishWork(ids[0], 'w1', { result: 'again' }), false, 'done once');
        assert.equal(await repo.finishWork(ids[1], 'w2', { error: 'bad batch' }), true);
        assert.deepEqual(await repo.workCounts(), { pending: 0, claimed: 0, done: 1, failed: 1 });
        assert.equal(await repo.claimWork('w1', 60), null, 'done and failed items are never claimed again');
      },
    );

    testOnFreshStore("an expired claim is taken over, and the first worker's finish is refused", async (repo) => {
      const [id] = await repo.enqueueWork('articles', ['[]']);
      assert.equal((await repo.claimWork('crashed', 0))?.attempts, 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(await repo.claimWork('w2', 60), { id, kind: 'articles', payload: '[]', attempts: 2 });
      assert.equal(await repo.claimWork('w3', 60), null, 'a live claim is not taken over');
      assert.equal(await repo.finishWork(id, 'crashed', { result: 'late' }), false);
      assert.equal(await repo.finishWork(id, 'w2', { result: 'ok' }), true);
    });

    testOnFreshStore('a feed is leased by one process at a time; its holder renews it', async (repo) => {
      assert.equal(await repo.claimFeed('https://a.example/feed', 'w1', 60), true);
      assert.equal(await repo.claimFeed('https://a.example/feed', 'w2', 60), false);
      assert.equal(await repo.claimFeed('https://a.example/feed', 'w1', 60), true);
      assert.equal(await repo.claimFeed('https://b.example/feed', 'w2', 60), true);
      assert.equal(await repo.claimFeed('https://b.example/feed', 'w1', 0), false);
      assert.equal(await repo.claimFeed('https://c.example/feed', 'w1', 0), true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(await repo.claimFeed('https://c.example/feed', 'w2', 60), true, 'an expired lease is taken');
    });

    testOnFreshStore(
      'filters fused events on their own facts and their members; pages and sorts them',
      async (repo) => {
        await repo.upsertArticle('a1', articleInput('a1', 'نص أ', origin(null, 'وكالة أ')));
        await repo.upsertArticle('a2', articleInput('a2', 'نص ب', origin(null, 'جريدة الفجر')));
        await repo.upsertArticle('a2', articleInput('a2', 'نص ب', origin('https://c.example/2', 'قناة ج')));
        await repo.replaceEvents('a1', [eventRecord('e1', { fatalities: 4 }), eventRecord('e7', { location: DERNA })]);
        await repo.replaceEvents('a2', [
          eventRecord('e2', { fatalities: 6 }),
          eventRecord('e3', {
            event_type: 'Protests',
            sub_event_type: 'Peaceful protest',
            date: '2019-04-09',
            modality: 'claimed',
            actor1: null,
            actor2: null,
          }),
        ]);
        await fusePending(repo);
        const ids = async (q: Parameters<Repository['listFusedEvents']>[0]) =>
          (await repo.listFusedEvents(q)).map((f) => f.id);
        assert.deepEqual(await ids({}), ['fe-e3', 'fe-e1', 'fe-e7']);
        const clash = await repo.getFusedEvent('fe-e1');
        assert.equal(clash?.outlets, 3, 'every origin of every member: وكالة أ, جريدة الفجر, قناة ج');
        assert.equal(clash?.review, null);
        assert.deepEqual(await ids({ type: 'Protests' }), ['fe-e3']);
        assert.deepEqual(await ids({ sub_type: 'Armed clash' }), ['fe-e1', 'fe-e7']);
        assert.deepEqual(await ids({ admin1: 'Derna' }), ['fe-e7']);
        assert.deepEqual(await ids({ country: 'Libya' }), ['fe-e3', 'fe-e1', 'fe-e7']);
        assert.deepEqual(await ids({ country: 'Egypt' }), []);
        assert.deepEqual(await ids({ fatalitiesMin: 1 }), ['fe-e1']);
        assert.deepEqual(await ids({ fatalitiesMax: 0 }), ['fe-e3', 'fe-e7']);
        assert.deepEqual(await ids({ modality: 'claimed' }), ['fe-e3']);
        assert.deepEqual(await ids({ actorIds: ['lna'] }), ['fe-e1', 'fe-e7']);
        assert.deepEqual(await ids({ actorIds: ['nobody'] }), []);
        assert.deepEqual(await ids({ sort: 'reports' }), ['fe-e1', 'fe-e3', 'fe-e7']);
        assert.deepEqual(await ids({ sort: 'date-asc', limit: 1, offset: 1 }), ['fe-e7']);
        assert.equal(await repo.countFusedEvents({ sub_type: 'Armed clash' }), 2);
        // The same filters on per-article events.
        const eventIds = async (q: Parameters<Repository['listEvents']>[0]) =>
          (await repo.listEvents(q)).map((e) => e.record.id).sort();
        assert.deepEqual(await eventIds({ admin1: 'Derna' }), ['e7']);
        assert.deepEqual(await eventIds({ fatalitiesMin: 5 }), ['e2']);
        assert.deepEqual(await eventIds({ actorIds: ['gna-forces'] }), ['e1', 'e2', 'e7']);
        assert.deepEqual(await eventIds({ country: 'Libya', modality: 'claimed' }), ['e3']);
      },
    );

    testOnFreshStore('a list total counts outlet and text matches up to a cap, other filters exactly', async (repo) => {
      const place = (id: string, lon: number) => ({ ...TRIPOLI, id, name: id, lon });
      const stories: [string, string, string, number][] = [
        ['a1', 'وكالة أ', 'انقطاع الكهرباء', 2],
        ['a2', 'وكالة ب', 'انقطاع الكهرباء', 1],
        ['a3', 'صحيفة', 'نص آخر', 1],
      ];
      let n = 0;
      for (const [id, source, text, events] of stories) {
        await repo.upsertArticle(id, articleInput(id, text, origin(null, source)));
        await repo.replaceEvents(
          id,
          Array.from({ length: events }, () => {
            n++;
            // Far apart: each its own fused event.
            return eventRecord(`e${n}`, { date: `2019-0${n}-01`, location: place(`p${n}`, 10 + 5 * n) });
          }),
        );
      }
      await fusePending(repo);
      assert.equal(await repo.countFusedEvents(), 4);
      const expected = (exact: number, cap: number, capped: boolean) =>
        capped && exact > cap ? { total: cap, capped: true } : { total: exact, capped: false };
      for (const [query, readOneByOne] of [
        [{ q: 'الكهرباء' }, true],
        [{ source: 'وكالة' }, true],
        [{ source: 'وكالة', q: 'انقطاع' }, true],
        [{ q: 'ليس في أي نص' }, true],
        [{}, false],
        [{ type: 'Battles' }, false],
        [{ since: '2019-02-01' }, false],
        [{ q: '؟!' }, false],
      ] as [EventQuery, boolean][])
        for (const cap of [1, 2, 3, 4]) {
          const label = `${JSON.stringify(query)}, cap ${cap}`;
          assert.deepEqual(
            await repo.countEventsUpTo({ ...query, limit: 1, offset: 1, sort: 'fatalities' }, cap),
            expected(await repo.countEvents(query), cap, readOneByOne),
            label,
          );
          assert.deepEqual(
            await repo.countFusedEventsUpTo(query, cap),
            expected(await repo.countFusedEvents(query), cap, readOneByOne),
            label,
          );
        }
      assert.deepEqual(await repo.countEventsUpTo({ q: 'الكهرباء' }, 2), { total: 2, capped: true });
      assert.deepEqual(await repo.countEventsUpTo({ q: 'الكهرباء' }, 3), { total: 3, capped: false });
      assert.deepEqual(await repo.countEventsUpTo({}, 2), { total: 4, capped: false });
    });

    testOnFreshStore(
      'fusedItemPage: each item is the list view of the fused event, in the page order',
      async (repo) => {
        // A title with an override and a URL with a space and a bidi mark: shown as the views show them.
        await repo.upsertArticle(
          'a1',
          articleInput('\u202eعنوان أ', 'نص أ', origin('https://a.example/1 x\u200f', 'وكالة أ')),
        );
        // One article received from two outlets: two corroborations.
        await repo.upsertArticle('a2', articleInput('عنوان ب', 'نص ب', origin('https://b.example/2', 'جريدة الفجر')));
        await repo.upsertArticle('a2', articleInput('عنوان ب', 'نص ب', origin('https://c.example/2', 'قناة ج')));
        await repo.upsertArticle('a3', articleInput('عنوان ج', 'نص ج', origin(null, null)));
        await repo.replaceEvents('a1', [eventRecord('e1', { fatalities: 4 }), eventRecord('e4', { date: null })]);
        await repo.replaceEvents('a2', [eventRecord('e2', { fatalities: 6, actor1: GNA, actor2: HAFTAR })]);
        await repo.replaceEvents('a3', [eventRecord('e3', { date: '2019-04-09', fatalities: 2 })]);
        await fusePending(repo);
        await repo.reviewEvent('fe-e3', { action: 'correct', changes: { fatalities: 3 }, note: 'n' });
        await fusePending(repo);
        const shown = (item: FusedPageItem) =>
          item instanceof Uint8Array ? JSON.parse(Buffer.from(item).toString('utf8')) : fusedItemView(item);
        for (const query of [{}, { sort: 'fatalities' as const }, { limit: 1, offset: 1 }, { source: 'الفجر' }]) {
          const page = await repo.fusedItemPage(query);
          assert.deepEqual(
            page.map(shown),
            (await repo.listFusedEvents(query)).map(fusedItemView),
            JSON.stringify(query),
          );
        }
        let items = (await repo.fusedItemPage({})).map(shown);
        assert.deepEqual(
          items.map((f) => [f.id, f.reports, f.outlets, f.review_status]),
          [
            ['fe-e3', 1, 0, 'corrected'],
            ['fe-e1', 2, 3, 'unreviewed'],
            ['fe-e4', 1, 1, 'unreviewed'],
          ],
        );
        assert.deepEqual(items[1].sources[0], {
          articleId: 'a1',
          eventId: 'e1',
          outlet: 'وكالة أ',
          source: 'وكالة أ',
          title: 'عنوان أ',
          url: 'https://a.example/1%20x%E2%80%8F',
          published: null,
        });
        // A duplicate from a new outlet, with the date the first copy lacked: shown at once.
        await repo.upsertArticle(
          'a1',
          articleInput('عنوان أ', 'نص أ', { published: '2019-04-08', ...origin('https://d.example/1', 'وكالة د') }),
        );
        items = (await repo.fusedItemPage({})).map(shown);
        assert.deepEqual(items, (await repo.listFusedEvents({})).map(fusedItemView));
        assert.deepEqual(
          items.map((f) => [f.id, f.outlets, f.sources.map((s: { published: string | null }) => s.published)]),
          [
            ['fe-e3', 0, [null]],
            ['fe-e1', 4, ['2019-04-08', null]],
            ['fe-e4', 2, ['2019-04-08']],
          ],
        );
        assert.deepEqual(await repo.fusedItemPage({ source: 'nowhere' }), []);
      },
    );

    testOnFreshStore(
      'reviews: corrections, dismissals and the audit trail survive re-extraction and re-fusion',
      async (repo) => {
        await repo.upsertArticle('a1', articleInput('a1', 'نص أ', origin(null, 'وكالة أ')));
        await repo.upsertArticle('a2', articleInput('a2', 'نص ب', origin(null, 'جريدة الفجر')));
        const a1Events = [eventRecord('e1', { fatalities: 4 })];
        const a2Events = [eventRecord('e2', { fatalities: 6 }), eventRecord('e3', { date: '2019-04-09' })];
        await repo.replaceEvents('a1', a1Events);
        await repo.replaceEvents('a2', a2Events);
        await fusePending(repo);
        assert.equal(await repo.reviewEvent('nope', { action: 'confirm' }), null);
        assert.equal(await repo.reviewEvent('fe-nope', { action: 'confirm' }), null);

        // A fused event's toll and place corrected: the machine's values stay beside the correction.
        const view = await repo.reviewEvent('fe-e1', {
          action: 'correct',
          changes: { fatalities: 10, location: DERNA },
          note: 'the ministry’s count',
        });
        assert.equal(view?.status, 'corrected');
        assert.deepEqual(view?.machine, { fatalities: 4, location: TRIPOLI });
        await fusePending(repo);
        const corrected = async () => (await repo.getFusedEvent('e1'))!;
        let fused = await corrected();
        assert.deepEqual(
          [
            fused.id,
            fused.record.fatalities,
            fused.fatalities_range,
            fused.record.location?.name,
            fused.review?.status,
          ],
          ['fe-e1', 10, [10, 10], 'Derna', 'corrected'],
        );
        assert.deepEqual(fused.review?.machine, { fatalities: 4, location: TRIPOLI });
        assert.equal(fused.review?.note, 'the ministry’s count');
        assert.ok(fused.record.sources.some((s) => s.field === 'fatalities' && s.rule === 'review:correction'));
        assert.deepEqual(
          (await repo.listFusedEvents({ admin1: 'Derna' })).map((f) => f.id),
          ['fe-e1'],
          'filters read the corrected values',
        );
        assert.deepEqual(
          (await repo.listFusedEvents({ review: ['corrected'] })).map((f) => f.id),
          ['fe-e1'],
        );
        assert.deepEqual(
          (await repo.listFusedEvents({ review: ['unreviewed'] })).map((f) => f.id),
          ['fe-e3'],
        );

        // Dismissed: left out unless asked for.
        await repo.reviewEvent('fe-e3', { action: 'dismiss', note: 'history, not news' });
        assert.deepEqual(
          (await repo.listFusedEvents({})).map((f) => f.id),
          ['fe-e1'],
        );
        assert.deepEqual(
          (await repo.listFusedEvents({ includeDismissed: true })).map((f) => f.id),
          ['fe-e3', 'fe-e1'],
        );
        assert.deepEqual(
          (await repo.listFusedEvents({ review: ['dismissed'] })).map((f) => f.id),
          ['fe-e3'],
        );
        assert.equal(await repo.countFusedEvents(), 1);

        // Re-extraction, re-fusion, removal and a new ingest of the article never overwrite them.
        await repo.replaceEvents('a1', a1Events);
        await repo.replaceEvents('a2', a2Events);
        await fuseAll(repo);
        fused = await corrected();
        assert.deepEqual([fused.id, fused.record.fatalities, fused.review?.status], ['fe-e1', 10, 'corrected']);
        assert.equal((await repo.getFusedEvent('e3'))?.review?.status, 'dismissed');
        assert.equal(await repo.deleteArticle('a1'), true);
        await fusePending(repo);
        await repo.upsertArticle('a1', articleInput('a1', 'نص أ', origin(null, 'وكالة أ')));
        await repo.replaceEvents('a1', a1Events);
        await fusePending(repo);
        fused = await corrected();
        assert.deepEqual([fused.id, fused.record.fatalities, fused.review?.status], ['fe-e1', 10, 'corrected']);
        // An earlier report joins: the event takes its id, the decision follows its anchor (e1).
        await repo.upsertArticle('a3', articleInput('a3', 'نص ج'));
        await repo.replaceEvents('a3', [eventRecord('e0', { fatalities: 9 })]);
        await fusePending(repo);
        fused = await corrected();
        assert.deepEqual(
          [fused.id, fused.members.length, fused.record.fatalities, fused.review?.status],
          ['fe-e0', 3, 10, 'corrected'],
        );
        // Confirmed under its new id: the corrections stay; the trail is the anchor's.
        await repo.reviewEvent('fe-e0', { action: 'confirm' });
        fused = await corrected();
        assert.deepEqual([fused.record.fatalities, fused.review?.status], [10, 'confirmed']);
        assert.deepEqual(
          (await repo.reviewHistory('fe-e0')).map((e) => [e.target, e.action, e.status, e.before, e.note]),
          [
            ['fe-e1', 'correct', 'corrected', { fatalities: 4, location: TRIPOLI }, 'the ministry’s count'],
            ['fe-e1', 'confirm', 'confirmed', {}, null],
          ],
        );
        // Reopened: back to the machine's record; the trail keeps everything.
        await repo.reviewEvent('fe-e0', { action: 'reopen', note: 'second look' });
        await fusePending(repo);
        fused = await corrected();
        assert.deepEqual(
          [fused.record.fatalities, fused.fatalities_range, fused.record.location?.name, fused.review?.status],
          [4, [4, 9], 'Tripoli', 'unreviewed'],
        );
        assert.deepEqual((await repo.reviewHistory('fe-e0')).at(-1)?.before, {
          fatalities: 10,
          location: DERNA,
        });
      },
    );

    testOnFreshStore(
      'reviews of per-article events: the stored record corrected, re-extraction keeps it',
      async (repo) => {
        await repo.upsertArticle('a1', articleInput('a1', 'نص أ'));
        const machine = [eventRecord('e1'), eventRecord('e2', { location: DERNA })];
        await repo.replaceEvents('a1', machine);
        await fusePending(repo);
        await repo.reviewEvent('e1', {
          action: 'correct',
          changes: { event_type: 'Protests', sub_event_type: 'Peaceful protest', actor2: null },
        });
        await repo.reviewEvent('e2', { action: 'dismiss' });
        const check = async () => {
          const e1 = await repo.getEvent('e1');
          assert.deepEqual(
            [e1?.record.event_type, e1?.record.sub_event_type, e1?.record.actor2],
            ['Protests', 'Peaceful protest', null],
          );
          assert.deepEqual(
            (await repo.listEvents({ type: 'Protests' })).map((e) => e.record.id),
            ['e1'],
          );
          assert.deepEqual(
            (await repo.listEvents({})).map((e) => e.record.id),
            ['e1'],
            'dismissed left out',
          );
          assert.deepEqual(
            (await repo.listEvents({ review: ['dismissed'] })).map((e) => e.record.id),
            ['e2'],
          );
          const [summary] = JSON.parse(Buffer.from(await repo.eventSummaryPage({ ids: ['e1'] })).toString('utf8')) as {
            review_status?: string;
            event_type: string;
          }[];
          assert.deepEqual([summary.event_type, summary.review_status], ['Protests', 'corrected']);
        };
        await check();
        // Fusion was given the corrected facts.
        await fusePending(repo);
        assert.equal((await repo.getFusedEvent('e1'))?.record.event_type, 'Protests');
        await repo.replaceEvents('a1', machine);
        await fusePending(repo);
        await check();
        await repo.reviewEvent('e1', { action: 'reopen' });
        assert.equal((await repo.getEvent('e1'))?.record.event_type, 'Battles');
        assert.deepEqual(
          (await repo.reviewHistory('e1')).map((e) => [e.action, e.status, e.changes]),
          [
            ['correct', 'corrected', { event_type: 'Protests', sub_event_type: 'Peaceful protest', actor2: null }],
            ['reopen', 'unreviewed', {}],
          ],
        );
      },
    );

    testOnFreshStore(
      'the tallies agree with the events through writes, fusion, reviews, re-extraction and removal',
      async (repo) => {
        const story = (id: string, published: string, source: string) =>
          repo.upsertArticle(id, articleInput('', `خبر ${id}`, { published, ...origin(`u-${id}`, source) }));
        await story('a1', '2019-04-09', 'Libya Observer');
        await story('a2', '2019-04-09', 'بوابة الوسط');
        await story('a3', '2018-06-12', 'Libya Observer');
        await repo.replaceEvents('a1', [
          eventRecord('e1', { date: '2019-04-08', fatalities: 2 }),
          eventRecord('e2', { date: null, fatalities: 1, location: null }),
          eventRecord('e3', {
            date: '2019-04-30',
            event_type: 'Protests',
            sub_event_type: 'Peaceful protest',
            location: DERNA,
          }),
        ]);
        await repo.replaceEvents('a2', [
          eventRecord('e4', { date: '2019-04-08', fatalities: 3 }),
          eventRecord('e5', { date: '2019-05-01', fatalities: 4, location: { ...DERNA, admin1: null } }),
        ]);
        await repo.replaceEvents('a3', [eventRecord('e6', { date: '2018-06-11', location: DERNA, fatalities: 7 })]);
        await fuseAll(repo);
        await repo.reviewEvent('e3', { action: 'dismiss' });
        await repo.reviewEvent('e6', { action: 'confirm' });
        await repo.reviewEvent('e5', { action: 'correct', changes: { date: '2019-05-02', fatalities: 6 } });
        await repo.reviewEvent('fe-e1', { action: 'correct', changes: { fatalities: 9, location: DERNA } });
        await repo.reviewEvent('fe-e6', { action: 'dismiss' });
        await repo.reviewEvent('e6', { action: 'reopen' });
        await repo.replaceEvents('a2', [eventRecord('e7', { date: '2019-04-08', fatalities: 1 })]);
        await fusePending(repo);
        await story('a4', '2019-04-11', 'Libya Observer');
        await repo.replaceEvents('a4', [
          eventRecord('e8', { date: '2019-04-12', event_type: 'Riots', sub_event_type: 'Mob violence' }),
        ]);
        await fusePending(repo);
        assert.equal(await repo.deleteArticle('a3'), true);
        // An article first received without outlet or date, then from an outlet: its fused event's sources are rewritten.
        await repo.upsertArticle('a5', articleInput('', 'خبر a5', origin(null, null)));
        await repo.replaceEvents('a5', [eventRecord('e9', { date: '2019-06-01', location: DERNA })]);
        await fusePending(repo);
        await repo.upsertArticle(
          'a5',
          articleInput('', 'خبر a5', { published: '2019-06-02', ...origin('u-a5', 'وال') }),
        );
        await fusePending(repo);

        const queries: EventQuery[] = [
          {},
          { type: 'Battles' },
          { since: '2019-04-08', until: '2019-04-30' },
          { until: '2019-04-30' },
          { admin1: 'Derna' },
          { country: 'Libya', type: 'Protests' },
          { review: ['dismissed'] },
          { review: ['unreviewed', 'corrected'] },
          { includeDismissed: true },
          { placed: false },
          { placed: true, type: 'Battles' },
        ];
        for (const query of queries) {
          // Every toll is at least 0: the same events, answered from the events rather than the tallies.
          const fromEvents = { ...query, fatalitiesMin: 0 };
          const label = JSON.stringify(query);
          assert.ok(talliesAnswer(query) && !talliesAnswer(fromEvents), label);
          assert.equal(await repo.countEvents(query), await repo.countEvents(fromEvents), label);
          assert.deepEqual(await repo.eventStats(query), await repo.eventStats(fromEvents), label);
          assert.equal(await repo.countFusedEvents(query), await repo.countFusedEvents(fromEvents), label);
          for (const interval of ['week', 'month'] as const)
            assert.deepEqual(
              await repo.fusedEventStats(query, interval),
              await repo.fusedEventStats(fromEvents, interval),
              `${label} ${interval}`,
            );
        }
        assert.equal(await repo.countEvents({ includeDismissed: true }), 6);
        assert.ok((await repo.fusedEventStats({}, 'week')).byOutlet.some((o) => o.outlet === 'وال'));
        assert.equal((await repo.fusedEventStats({}, 'month')).unplaced, 1);
      },
    );

    testOnFreshStore('feed state is stored, read back and replaced', async (repo) => {
      assert.equal(await repo.getFeedState('https://a.example/feed'), null);
      const state = {
        url: 'https://a.example/feed',
        etag: '"abc"',
        lastModified: 'Mon, 08 Apr 2019 10:00:00 GMT',
        seenKeys: ['g2', 'g1'],
        checkedAt: '2019-04-08T10:00:00.000Z',
        lastError: null,
      };
      await repo.saveFeedState(state);
      assert.deepEqual(await repo.getFeedState(state.url), state);
      const failed = { ...state, etag: null, seenKeys: ['g3', 'g2', 'g1'], lastError: 'HTTP 503' };
      await repo.saveFeedState(failed);
      assert.deepEqual(await repo.getFeedState(state.url), failed);
    });
  });
}
