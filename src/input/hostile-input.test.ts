// Hostile and broken inputs the reader must survive: each test builds its input in a temp dir.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { parseBuffer, readInputs, type IngestItem, type IngestOptions } from './read.js';

async function collect(inputs: string[], options?: IngestOptions): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

const articles = (items: IngestItem[]) => items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
const errors = (items: IngestItem[]) => items.flatMap((i) => (i.kind === 'error' ? [i.message] : []));

function withDir(fn: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-hostile-'));
    try {
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const record = (k: number) =>
  JSON.stringify({ id: `r${k}`, title: `خبر رقم ${k}`, text: `اشتباكات في الزاوية، الخبر ${k}.` });

test(
  'one invalid-UTF-8 line and one NUL line are two errors by line; the 2,001 other records are read',
  withDir(async (dir) => {
    const lines = Array.from({ length: 2001 }, (_, k) => Buffer.from(`${record(k + 1)}\n`));
    lines.splice(5, 0, Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}\n')]));
    lines.splice(1000, 0, Buffer.from('{"text":"\u0000\u0000"}\n'));
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, Buffer.concat(lines));
    const items = await collect([file]);
    assert.equal(articles(items).length, 2001);
    assert.deepEqual(errors(items), [
      `${file}:6: cannot decode: invalid UTF-8 at byte 10 of the line, and not Windows-1256 text, skipped`,
      `${file}:1001: binary data (a NUL byte at byte 10 of the line), skipped`,
    ]);
  }),
);

test(
  'UTF-8 and Windows-1256 lines in one file: each line decoded on its own',
  withDir(async (dir) => {
    const file = join(dir, 'two-encodings.jsonl');
    const cp1256 = { title: 'مقتل حارسين في هجوم', text: 'هاجم مسلحون مصرفا في مدينة سبها.' };
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${record(1)}\n`),
        iconv.encode(`${JSON.stringify(cp1256)}\r\n`, 'windows-1256'),
        Buffer.from(`${record(3)}\n`),
      ]),
    );
    const items = await collect([file]);
    assert.deepEqual(errors(items), []);
    assert.deepEqual(
      articles(items).map((a) => a.title),
      ['خبر رقم 1', cp1256.title, 'خبر رقم 3'],
    );
    assert.equal(articles(items)[1].text, cp1256.text);
  }),
);

test(
  'UTF-16 JSON lines, LE and BE, with and without BOM, are read line by line',
  withDir(async (dir) => {
    const text = `${record(1)}\r\n{"text": broken}\r\n${record(3)}\r\n`;
    const forms: Array<[string, Buffer]> = [
      ['le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
      ['le', iconv.encode(text, 'utf-16le')],
      ['be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
      ['be', iconv.encode(text, 'utf-16be')],
    ];
    for (const [name, bytes] of forms) {
      const file = join(dir, `${name}.jsonl`);
      writeFileSync(file, bytes);
      const items = await collect([file]);
      assert.deepEqual(
        articles(items).map((a) => a.title),
        ['خبر رقم 1', 'خبر رقم 3'],
        name,
      );
      const [bad] = errors(items);
      assert.match(bad, new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}:2: invalid JSON`), name);
      // eslint-disable-next-line no-control-regex -- a raw control byte is what must not be there
      assert.doesNotMatch(bad, /[\u0000-\u001f]/, name);
    }
  }),
);

test(
  'error messages carry no raw control bytes: they are escaped',
  withDir(async (dir) => {
    const file = join(dir, 'controls.jsonl');
    writeFileSync(file, `${record(1)}\n\u001b[31mred\u0007 {"text":"x"}\n`);
    const [message] = errors(await collect([file]));
    // eslint-disable-next-line no-control-regex -- a raw control byte is what must not be there
    assert.doesNotMatch(message, /[\u0000-\u001f\u007f]/);
    assert.match(message, /^.+:2: invalid JSON \(Unexpected token '\\x1b', "\\x1b\[31mred\\x07 .*\)$/);
  }),
);

test(
  'a binary file named .jsonl is one error, not one per line',
  withDir(async (dir) => {
    const file = join(dir, 'random.jsonl');
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3)) & 0xff;
    writeFileSync(file, bytes);
    const items = await collect([file]);
    assert.equal(items.length, 1);
    assert.match(errors(items)[0], /: binary file/);
  }),
);

test('stdin: JSON lines are read line by line, a bad line is one error', async () => {
  const stdin = Readable.from([
    Buffer.from(`${record(1)}\n{"text":"`),
    Buffer.from([0xff, 0xfe, 0x00]),
    Buffer.from(`"}\n${record(3)}\n`),
  ]);
  const items = await collect(['-'], { stdin });
  assert.deepEqual(
    items.map((i) => i.where),
    ['stdin:1', 'stdin:2', 'stdin:3'],
  );
  assert.deepEqual(errors(items), ['stdin:2: binary data (a NUL byte at byte 12 of the line), skipped']);
});

test(
  'a FIFO in an input directory is skipped with an error, without waiting for a writer',
  { timeout: 20_000 },
  withDir(async (dir) => {
    writeFileSync(join(dir, 'a.txt'), 'خبر\n\nاشتباكات في الزاوية.');
    try {
      execFileSync('mkfifo', [join(dir, 'b.jsonl')]);
    } catch {
      return; // no mkfifo here
    }
    writeFileSync(join(dir, 'c.txt'), 'خبر آخر\n\nغارة على سرت.');
    const items = await collect([dir]);
    assert.equal(articles(items).length, 2);
    assert.deepEqual(errors(items), [`${join(dir, 'b.jsonl')}: not a regular file (a FIFO), skipped`]);
  }),
);

test(
  '/dev/zero behind a symbolic link is not read',
  withDir(async (dir) => {
    if (!existsSync('/dev/zero')) return;
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.jsonl'));
    const items = await collect([dir, join(dir, 'zero.txt')]);
    assert.deepEqual(errors(items), [
      `${join(dir, 'zero.jsonl')}: not a regular file (a character device), skipped`,
      `${join(dir, 'zero.txt')}: not a regular file (a character device), skipped`,
      `${join(dir, 'zero.txt')}: not a regular file (a character device), skipped`,
    ]);
  }),
);

test(
  'a file of a format read whole is capped (maxFileBytes); JSON lines are not',
  withDir(async (dir) => {
    const big = join(dir, 'big.txt');
    const text = `عنوان\n\n${'نص طويل. '.repeat(100_000)}`;
    writeFileSync(big, text);
    const lines = join(dir, 'many.jsonl');
    writeFileSync(lines, Array.from({ length: 20_000 }, (_, k) => record(k)).join('\n'));
    const items = await collect([big, lines], { maxFileBytes: 1024 * 1024 });
    assert.deepEqual(errors(items), [
      `${big}: ${Buffer.byteLength(text)} bytes, over the limit of 1048576 for formats read whole (--max-file-bytes), skipped; JSON lines have no such limit`,
    ]);
    assert.equal(articles(items).length, 20_000);
    const stdin = Readable.from([Buffer.from('عنوان\n\n'), Buffer.alloc(2 * 1024 * 1024, 0x61)]);
    assert.match(
      errors(await collect(['-'], { stdin, maxFileBytes: 1024 * 1024 }))[0],
      /^stdin: \d+ bytes, over the limit of 1048576/,
    );
  }),
);

test(
  'an article over the length limit is an error naming its record; the others are read',
  withDir(async (dir) => {
    const file = join(dir, 'long.jsonl');
    const long = JSON.stringify({ title: 'طويل', text: 'كلمة '.repeat(2000) });
    writeFileSync(file, [record(1), long, record(3)].join('\n'));
    const items = await collect([file], { maxArticleChars: 5000 });
    assert.equal(articles(items).length, 2);
    assert.deepEqual(errors(items), [
      `${file}:2: article of 10004 characters is over the limit of 5000 (--max-article-chars), skipped`,
    ]);
    const txt = join(dir, 'long.txt');
    writeFileSync(txt, `عنوان\n\n${'ك'.repeat(600_000)}`);
    assert.deepEqual(errors(await collect([txt])), [
      `${txt}: article of 600005 characters is over the limit of 500000 (--max-article-chars), skipped`,
    ]);
  }),
);

test('an article of zero-width characters only is an error, not an article', () => {
  const input = [
    JSON.stringify({ title: '\u200b\u2060', text: '\u061c\u200d\ufeff \u00ad' }),
    JSON.stringify({ title: 'عنوان', text: '\u2060\u200b' }),
  ].join('\n');
  const items = parseBuffer(Buffer.from(input), 'zw.jsonl');
  assert.deepEqual(errors(items), ['zw.jsonl:1: empty article (only invisible characters or marks, no letters)']);
  assert.equal(items[1].kind === 'article' && items[1].warning, 'zw.jsonl:2: no body text, stored with its title only');
});

test('an impossible publication date is a warning naming the record; the article is kept without a date', () => {
  const input = [
    JSON.stringify({ title: 'أ', text: 'نص.', published: '2019-02-31' }),
    JSON.stringify({ title: 'ب', text: '', published: '31/04/2019' }),
    JSON.stringify({ title: 'ج', text: 'نص.', published: '2020-02-29' }),
  ].join('\n');
  const items = parseBuffer(Buffer.from(input), 'dates.jsonl');
  const found = items.map((i) => (i.kind === 'article' ? [i.article.published, i.article.publishedRaw, i.warning] : i));
  assert.deepEqual(found, [
    [null, '2019-02-31', 'dates.jsonl:1: publication date "2019-02-31" is not a valid date, stored without one'],
    [
      null,
      '31/04/2019',
      'dates.jsonl:2: no body text, stored with its title only; publication date "31/04/2019" is not a valid date, stored without one',
    ],
    ['2020-02-29', '2020-02-29', undefined],
  ]);
});
