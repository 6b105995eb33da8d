import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import * as readModule from './read.js';
import { parseBuffer, readInputs, type IngestItem, type IngestOptions } from './read.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url));
const fixture = (name: string) => FIXTURES + name;

async function collect(inputs: string[], options?: IngestOptions): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

function articles(items: IngestItem[]) {
  return items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
}

function errors(items: IngestItem[]) {
  return items.flatMap((i) => (i.kind === 'error' ? [i.message] : []));
}

test('read.ts exports the reader API', () => {
  assert.deepEqual(Object.keys(readModule).sort(), ['parseBuffer', 'readInputs']);
});

test('txt: a short first line without a final stop is the title; the body is kept as written', async () => {
  const [item] = await collect([fixture('report-with-title.txt')]);
  assert.equal(item.kind, 'article');
  assert.equal(item.where, fixture('report-with-title.txt'));
  const a = articles([item])[0];
  assert.equal(a.title, 'اشتباكات قرب مطار المدينة');
  assert.ok(a.text.startsWith('تجددت الاشتباكات صباح الأحد'));
  assert.ok(a.text.endsWith('ونقلوا إلى المستشفى.\n'));
  assert.equal(a.origin.input, fixture('report-with-title.txt'));
  assert.equal(a.published, null);

  const [untitled] = articles(await collect([fixture('no-title.txt')]));
  assert.equal(untitled.title, '');
  assert.ok(untitled.text.startsWith('أعلنت السلطات المحلية'));
});

test('txt title rule, table', () => {
  const table: Array<[string, string, string]> = [
    ['عنوان قصير\n\nالنص هنا.', 'عنوان قصير', 'النص هنا.'],
    ['عنوان قصير\r\n\r\nالنص هنا.\r\n', 'عنوان قصير', 'النص هنا.\r\n'],
    ['\n\nسطر واحد فقط بلا عنوان.', '', 'سطر واحد فقط بلا عنوان.'],
    ['جملة تنتهي بنقطة.\nثم جملة أخرى.', '', 'جملة تنتهي بنقطة.\nثم جملة أخرى.'],
    ['هل انتهت الحرب؟\nتقرير.', '', 'هل انتهت الحرب؟\nتقرير.'],
    ['عنوان بلا متن\n\n', '', 'عنوان بلا متن\n\n'],
    [`${'كلمة '.repeat(30)}\nالنص.`, '', `${'كلمة '.repeat(30)}\nالنص.`],
  ];
  for (const [input, title, text] of table) {
    const [item] = parseBuffer(Buffer.from(input), 'x.txt');
    assert.equal(item.kind, 'article', input);
    if (item.kind !== 'article') continue;
    assert.equal(item.article.title, title, input);
    assert.equal(item.article.text, text, input);
  }
});

test('html: Readability body, title, dates from JSON-LD @graph, canonical URL, site name', async () => {
  const [item] = await collect([fixture('page.html')]);
  assert.equal(item.kind, 'article', JSON.stringify(item));
  const a = articles([item])[0];
  assert.equal(a.title, 'قصف مدفعي على حي سكني');
  assert.equal(
    a.text,
    [
      'سقطت عدة قذائف هاون مساء السبت على حي سكني في جنوب المدينة، ما أدى إلى تضرر منزلين وسيارة.',
      'ولم تعلن أي جهة مسؤوليتها عن القصف، فيما دعت البلدية السكان إلى البقاء في منازلهم حتى إشعار آخر.',
      'وأفاد مسعف بأن طفلا أصيب بشظية في ساقه وحالته مستقرة.',
    ].join('\n'),
  );
  assert.ok(!a.text.includes('الرئيسية') && !a.text.includes('محفوظة'), 'navigation and footer left out');
  assert.equal(a.published, '2019-04-07');
  assert.equal(a.publishedAt, '2019-04-07T22:30:00+02:00');
  assert.equal(a.origin.url, 'https://example.org/news/shelling-42');
  assert.equal(a.origin.source, 'صحيفة الساحل');
});

test('html: date from meta tags and <time>, paragraphs when Readability finds nothing', () => {
  const table: Array<[string, string | null]> = [
    ['<meta name="pubdate" content="20190301">', '2019-03-01'],
    ['<meta name="DC.date" content="2019-03-02">', '2019-03-02'],
    ['<meta itemprop="datePublished" content="2019-03-03T08:00:00Z">', '2019-03-03'],
    ['<meta property="og:published_time" content="04/03/2019">', '2019-03-04'],
    [
      '<script type="application/ld+json">[{"@type":"NewsArticle","datePublished":"2019-03-05"}]</script>',
      '2019-03-05',
    ],
    ['', null],
  ];
  for (const [head, date] of table) {
    const html = `<html><head>${head}</head><body><p>خبر قصير عن تبادل لإطلاق النار في السوق.</p></body></html>`;
    const [item] = parseBuffer(Buffer.from(html), 'p.html');
    assert.equal(item.kind, 'article', head);
    if (item.kind === 'article') {
      assert.equal(item.article.published, date, head);
      assert.equal(item.article.text, 'خبر قصير عن تبادل لإطلاق النار في السوق.');
    }
  }
  const withTime =
    '<html><body><article><time datetime="2020-06-01T12:00:00+02:00">الاثنين</time><p>انفجار قرب السوق المركزي أدى إلى أضرار مادية.</p></article></body></html>';
  const [timed] = parseBuffer(Buffer.from(withTime), 'q.html');
  assert.equal(timed.kind === 'article' && timed.article.published, '2020-06-01');
});

test('a .txt that is really HTML is read as HTML', async () => {
  const [a] = articles(await collect([fixture('really-html.txt')]));
  assert.equal(a.title, 'صفحة');
  assert.ok(a.text.startsWith('هذه صفحة ويب'));
  assert.ok(!a.text.includes('<'));
});

test('a PDF renamed .txt is skipped with an error', async () => {
  const items = await collect([fixture('really-a-pdf.txt')]);
  assert.deepEqual(errors(items), [`${fixture('really-a-pdf.txt')}: binary file (PDF), skipped`]);
});

test('rss: one article per item, HTML stripped, empty item reported', async () => {
  const items = await collect([fixture('feed.rss')]);
  assert.equal(items.length, 3);
  const [first, second] = articles(items);
  assert.equal(first.title, 'اختطاف موظف في بلدية الواحة');
  assert.equal(
    first.text,
    'أقدم مسلحون مجهولون على اختطاف موظف في بلدية الواحة صباح الاثنين.\nوطالبت عائلته بالإفراج عنه فورا.',
  );
  assert.equal(first.published, '2019-04-08');
  assert.equal(first.publishedAt, '2019-04-08T10:00:00Z');
  assert.equal(first.publishedRaw, 'Mon, 08 Apr 2019 10:00:00 GMT');
  assert.equal(first.origin.url, 'https://example.org/a/1');
  assert.equal(first.origin.source, 'وكالة الأنباء الساحلية');
  assert.equal(first.origin.input, fixture('feed.rss'));
  assert.equal(first.origin.externalId, 'https://example.org/a/1');
  assert.equal(second.title, 'تفكيك عبوة ناسفة على طريق الميناء');
  assert.equal(
    second.text,
    'تمكن فريق الهندسة العسكرية من تفكيك عبوة ناسفة زرعت على طريق الميناء.\nولم تسجل أي إصابات.',
  );
  assert.equal(second.publishedAt, '2019-04-09T18:45:00+02:00');
  assert.equal(items[0].where, `${fixture('feed.rss')}:7`);
  // A headline without a body is kept, with a warning naming the item's line.
  assert.deepEqual(errors(items), []);
  const headlineOnly = items[2];
  assert.ok(headlineOnly.kind === 'article');
  assert.equal(headlineOnly.article.title, 'خبر بلا نص');
  assert.equal(headlineOnly.warning, `${fixture('feed.rss')}:21: no body text, stored with its title only`);
});

test('rss: an empty content:encoded falls back to the description; RSS 1.0 is read too', () => {
  const rss2 =
    '<rss><channel><title>ق</title><item><title>ع</title><content:encoded></content:encoded><description>نص الوصف عن الاشتباك.</description></item></channel></rss>';
  const [item] = parseBuffer(Buffer.from(rss2), 'e.xml');
  assert.equal(item.kind === 'article' && item.article.text, 'نص الوصف عن الاشتباك.');
  const rss1 =
    '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>قناة</title></channel><item rdf:about="https://example.org/x"><title>عنوان</title><description>وصف الخبر.</description><dc:date>2018-02-03</dc:date></item></rdf:RDF>';
  const [old] = parseBuffer(Buffer.from(rss1), 'old.rdf');
  assert.ok(old.kind === 'article');
  if (old.kind === 'article') {
    assert.equal(old.article.origin.url, 'https://example.org/x');
    assert.equal(old.article.origin.source, 'قناة');
    assert.equal(old.article.published, '2018-02-03');
  }
});

test('atom: html and xhtml content, alternate link, published before updated', async () => {
  const items = await collect([fixture('feed.atom')]);
  const [first, second] = articles(items);
  assert.equal(items.length, 2);
  assert.equal(first.title, 'وصول قافلة مساعدات إلى البلدة المحاصرة');
  assert.equal(first.text, 'وصلت قافلة مساعدات إنسانية إلى البلدة بعد أسبوعين من الحصار.\nوتضم القافلة أدوية وطحينا.');
  assert.equal(first.published, '2020-02-02');
  assert.equal(first.origin.url, 'https://example.net/south/1');
  assert.equal(first.origin.source, 'نشرة الجنوب');
  assert.equal(first.origin.externalId, 'urn:example:south:1');
  assert.equal(
    second.text,
    'انسحب رتل عسكري من المعبر الحدودي فجر الاثنين.\nوقال مسؤول محلي إن الانسحاب تم دون مواجهات.',
  );
  assert.equal(second.publishedAt, '2020-02-03T07:40:00Z');
  assert.equal(second.origin.url, 'https://example.net/south/2');
});

test('jsonl: field map, broken line and empty article reported by line, the rest read', async () => {
  const fieldMap = {
    id: 'doc_id',
    title: 'headline',
    text: 'body',
    published: 'published_raw',
    url: 'link',
    source: 'outlet',
  };
  const items = await collect([fixture('records.jsonl')], { fieldMap });
  const file = fixture('records.jsonl');
  assert.deepEqual(
    items.map((i) => i.where),
    [`${file}:1`, `${file}:2`, `${file}:3`, `${file}:4`, `${file}:6`, `${file}:7`],
  );
  const [r1, r2, r4, r5] = articles(items);
  assert.equal(r4.title, 'بلا نص', 'a headline without a body is kept');
  assert.equal(r4.text.trim(), '');
  assert.equal(r1.title, 'إغلاق الطريق الساحلي');
  assert.equal(r1.published, '2015-05-17');
  assert.equal(r1.origin.url, 'https://example.com/r1');
  assert.equal(r1.origin.source, 'إذاعة المدينة');
  assert.equal(r1.origin.externalId, 'r1');
  assert.equal(r1.origin.input, `${file}:1`);
  assert.equal(r2.publishedAt, '2017-01-20T21:43:00+01:00');
  assert.equal(r5.published, '2017-01-22');
  const [broken, empty] = errors(items);
  assert.match(broken, new RegExp(`^${escape(file)}:3: invalid JSON \\(.+\\)$`));
  assert.equal(empty, `${file}:7: empty article (no title and no text)`);
});

test('jsonl: the same lines from a buffer (stdin, HTTP) give the same items', async () => {
  const fieldMap = { id: 'doc_id', title: 'headline', text: 'body', published: 'published_raw' };
  const streamed = await collect([fixture('records.jsonl')], { fieldMap });
  const { readFileSync } = await import('node:fs');
  const buffered = parseBuffer(readFileSync(fixture('records.jsonl')), fixture('records.jsonl'), { fieldMap });
  assert.deepEqual(buffered, streamed);
});

test('jsonl: without a field map the common names are found; a missing text field is named', () => {
  const input = [
    '{"title":"أ","body":"نص أول عن الاشتباك.","date":"2020-01-02"}',
    '{"title":"ب","summary":"لا نص"}',
    '[1]',
  ].join('\n');
  const items = parseBuffer(Buffer.from(input), 'in.jsonl');
  assert.equal(items[0].kind === 'article' && items[0].article.published, '2020-01-02');
  assert.deepEqual(errors(items), [
    'in.jsonl:2: no text field (looked for "text", "body", "content", "article")',
    'in.jsonl:3: not a JSON object',
  ]);
});

test('json array: each record reported at the line it starts on', async () => {
  const items = await collect([fixture('records.json')]);
  assert.deepEqual(
    items.map((i) => i.where),
    [`${fixture('records.json')}:2`, `${fixture('records.json')}:10`],
  );
  const [j1, j2] = articles(items);
  assert.equal(j1.title, 'إطلاق سراح صحفيين');
  assert.equal(j1.published, '2021-03-04');
  assert.equal(j1.origin.source, 'موقع الخبر');
  assert.equal(j2.published, '2021-03-05');
  const wrapped = parseBuffer(Buffer.from('{"articles":[{"text":"نص"},{"text":""}]}'), 'w.json');
  assert.deepEqual(
    wrapped.map((i) => i.where),
    ['w.json:articles[0]', 'w.json:articles[1]'],
  );
  assert.deepEqual(
    errors(parseBuffer(Buffer.from('[{"text": "x"'), 'bad.json')).map((m) => m.split(' (')[0]),
    ['bad.json: invalid JSON'],
  );
});

test('trec: documents without a root element, stray & kept, <P> paragraphs', async () => {
  const items = await collect([fixture('docs.trec')]);
  const [d1, d2] = articles(items);
  assert.deepEqual(
    items.map((i) => i.where),
    [`${fixture('docs.trec')}:1`, `${fixture('docs.trec')}:10`],
  );
  assert.equal(d1.title, 'اعتقال مشتبه بهم في تهريب السلاح');
  assert.equal(d1.published, '2016-06-12');
  assert.equal(d1.origin.externalId, 'TR-001');
  assert.ok(d1.text.includes('بنادق وذخائر & معدات اتصال.'));
  assert.ok(d1.text.startsWith('أعلنت قوات الأمن'));
  assert.equal(d2.title, 'مظاهرة أمام مقر الحكومة');
  assert.equal(d2.text, 'تظاهر مئات الشباب أمام مقر الحكومة مطالبين بتوفير فرص العمل.\nوانتهت المظاهرة بشكل سلمي.');
  // the same content under a generic name is recognised by sniffing
  const { readFileSync } = await import('node:fs');
  assert.equal(articles(parseBuffer(readFileSync(fixture('docs.trec')), 'docs.xml')).length, 2);
});

test('directories: recursive, sorted, hidden files skipped; inputs stay in order', async () => {
  const items = await collect([fixture('dir'), fixture('no-title.txt')]);
  assert.deepEqual(
    items.map((i) => i.where),
    [fixture('dir/b-second.txt'), fixture('dir/nested/a-first.txt'), fixture('no-title.txt')],
  );
  assert.equal(articles(items)[0].title, 'حريق في مخزن للوقود');
});

test('encodings: UTF-8 with BOM, UTF-16LE, Windows-1256', async () => {
  const items = await collect([fixture('utf8-bom.txt'), fixture('utf16le.txt'), fixture('cp1256.txt')]);
  const [bom, utf16, cp1256] = articles(items);
  assert.equal(bom.title, 'عودة النازحين إلى الحي الشرقي');
  assert.equal(utf16.title, 'إصابة جنديين في كمين');
  assert.ok(utf16.text.startsWith('أصيب جنديان بجروح'));
  assert.equal(cp1256.title, 'مقتل حارسين في هجوم على مصرف');
  assert.ok(cp1256.text.includes('وفتحت النيابة تحقيقا في الحادث.'));
});

test('missing paths, unknown formats and undecodable bytes are one-line errors', async () => {
  const items = await collect([fixture('nope.txt')]);
  assert.deepEqual(errors(items), [`${fixture('nope.txt')}: no such file or directory`]);
  assert.deepEqual(errors(parseBuffer(Buffer.from('a,b\n1,2\n'), 'table.csv')), ['table.csv: unknown format (.csv)']);
  const latinGarbage = Buffer.from([0x41, 0x42, 0xc3, 0x28, 0x20, 0x80, 0x81, 0x41, 0x0a]);
  const [bad] = errors(parseBuffer(latinGarbage, 'bad.txt'));
  assert.match(bad, /^bad\.txt: cannot decode: invalid UTF-8 at byte 2/);
  assert.deepEqual(errors(parseBuffer(Buffer.from('\n  \n'), 'blank.txt')), [
    'blank.txt: empty article (no title and no text)',
  ]);
  assert.deepEqual(errors(parseBuffer(Buffer.from([0, 1, 2, 3, 0, 0, 0, 9, 200, 0, 17]), 'x.bin')), [
    'x.bin: binary file (binary data), skipped',
  ]);
});

test('stdin: read from the injected stream, format sniffed', async () => {
  const stdin = Readable.from([
    Buffer.from('{"title":"من الإدخال","text":"نص وصل عبر الإدخال القياسي."}\n'),
    Buffer.from('{"text":"سطر ثان."}\n'),
  ]);
  const items = await collect(['-'], { stdin });
  assert.deepEqual(
    items.map((i) => i.where),
    ['stdin:1', 'stdin:2'],
  );
  assert.equal(articles(items)[0].title, 'من الإدخال');
  const plain = await collect(['-'], { stdin: Readable.from([Buffer.from('خبر عاجل\n\nنص الخبر العاجل.')]) });
  assert.equal(articles(plain)[0].title, 'خبر عاجل');
});

test('URLs: HTML page and feed through the injected fetch, charset from Content-Type, HTTP errors', async () => {
  const { readFileSync } = await import('node:fs');
  const pages: Record<string, { body: Buffer; type: string; status?: number }> = {
    'https://news.example/story': {
      body: Buffer.from(
        readFileSync(fixture('page.html'), 'utf8').replace(
          /<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>/g,
          '',
        ),
      ),
      type: 'text/html; charset=utf-8',
    },
    'https://news.example/feed': { body: readFileSync(fixture('feed.atom')), type: 'application/xml' },
    'https://news.example/old': {
      body: (await import('iconv-lite')).default.encode(
        '<html><body><p>نص قديم بترميز ويندوز عن هجوم على قافلة.</p></body></html>',
        'windows-1256',
      ),
      type: 'text/html; charset=windows-1256',
    },
    'https://news.example/gone': { body: Buffer.from(''), type: 'text/html', status: 404 },
  };
  const requested: string[] = [];
  const fakeFetch = ((url: string | URL | Request) => {
    const href = url instanceof Request ? url.url : url.toString();
    const page = pages[href];
    requested.push(href);
    return Promise.resolve(
      new Response(page.body, { status: page.status ?? 200, headers: { 'content-type': page.type } }),
    );
  }) as typeof fetch;
  const items = await collect(Object.keys(pages), { fetch: fakeFetch });
  assert.deepEqual(requested, Object.keys(pages));
  const [story, feed1, feed2, old] = articles(items);
  assert.equal(story.origin.url, 'https://news.example/story');
  assert.equal(story.published, '2019-04-07');
  assert.equal(feed1.origin.input, 'https://news.example/feed');
  assert.equal(feed2.origin.url, 'https://example.net/south/2');
  assert.equal(old.text, 'نص قديم بترميز ويندوز عن هجوم على قافلة.');
  assert.deepEqual(errors(items), ['https://news.example/gone: HTTP 404']);
});

test('URLs: a fetch slower than the timeout is reported', async () => {
  const hanging = ((_url: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
    })) as typeof fetch;
  const items = await collect(['https://slow.example/'], { fetch: hanging, timeoutMs: 30 });
  assert.deepEqual(errors(items), ['https://slow.example/: timed out after 30 ms']);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
