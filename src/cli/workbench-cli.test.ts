/**
 * The CLI of the workbench, run as a user would (commander, a temporary store): `marsad review`,
 * the event filters of `events` and `export`, `ingest --published` and sidecars, and
 * `extract -` on one line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CommanderError } from 'commander';
import { buildProgram } from './main.js';
import { SqliteRepository } from '../store/sqlite.js';
import { fusePending } from '../fusion/fuse.js';
import { articleInput, eventRecord } from '../testing/repository-suite.js';
import { readInputs, type IngestItem } from '../input/read.js';

/** Runs `marsad …args`, returning what it wrote to standard output. */
async function run(...args: string[]): Promise<string> {
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  // The commands write text; the test runner's own reports to its parent (bytes) pass through.
  process.stdout.write = (chunk: string | Uint8Array, ...rest: never[]) => {
    if (typeof chunk !== 'string') return write(chunk, ...rest);
    out.push(chunk);
    return true;
  };
  try {
    const program = (await buildProgram()).exitOverride();
    for (const command of program.commands) command.exitOverride().configureOutput({ writeErr: () => undefined });
    await program.parseAsync(['node', 'marsad', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return out.join('');
}

async function withStore(fn: (db: string, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
  try {
    await fn(join(dir, 'store.db'), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fill(db: string): Promise<void> {
  const repo = new SqliteRepository(db);
  try {
    await repo.upsertArticle('a1', articleInput('a1', 'نص أ', { published: '2019-04-08' }));
    await repo.upsertArticle('a2', articleInput('a2', 'نص ب', { published: '2019-04-08' }));
    await repo.replaceEvents('a1', [eventRecord('e1', { fatalities: 4 })]);
    await repo.replaceEvents('a2', [
      eventRecord('e2', { fatalities: 6 }),
      eventRecord('e3', { event_type: 'Protests', sub_event_type: 'Peaceful protest', date: '2019-04-09' }),
    ]);
    await fusePending(repo);
  } finally {
    await repo.close();
  }
}

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown> & { id: string; record: { fatalities: number } });

test('marsad review: correct, dismiss, history; events and export follow the decisions', async () => {
  await withStore(async (db) => {
    await fill(db);
    const said = await run(
      'review',
      'fe-e1',
      '--db',
      db,
      '--set',
      'fatalities=9',
      '--set',
      'type=battles',
      '--note',
      'MoH',
    );
    assert.match(said, /^fe-e1: corrected \(fatalities 4 → 9; event_type Battles → Battles\) — MoH/);
    await run('review', 'fe-e3', '--db', db, '--dismiss');
    const fused = lines(await run('events', '--db', db, '--fused', '--json'));
    assert.deepEqual(
      fused.map((f) => [f.id, f.record.fatalities]),
      [['fe-e1', 9]],
    );
    const all = lines(await run('events', '--db', db, '--fused', '--json', '--include-dismissed'));
    assert.deepEqual(
      all.map((f) => f.id),
      ['fe-e3', 'fe-e1'],
    );
    assert.deepEqual(
      lines(await run('events', '--db', db, '--fused', '--json', '--review-status', 'dismissed')).map((f) => f.id),
      ['fe-e3'],
    );
    const history = lines(await run('review', 'fe-e1', '--db', db, '--history', '--json'));
    assert.deepEqual(
      history.map((h) => [h.action, h.note]),
      [['correct', 'MoH']],
    );
    const csv = await run('export', '--db', db, '--format', 'acled-csv');
    assert.equal(csv.trim().split('\r\n').length, 2, 'the header and the clash; the dismissed protest left out');
    assert.match(csv, /,9,[^\r\n]*review corrected/);
    const withDismissed = await run('export', '--db', db, '--format', 'acled-csv', '--include-dismissed');
    assert.equal(withDismissed.trim().split('\r\n').length, 3);
    await run('review', 'fe-e1', '--db', db, '--reopen');
    assert.equal(lines(await run('events', '--db', db, '--fused', '--json'))[0].record.fatalities, 4);
  });
});

test('bad values are clear errors with a non-zero exit: an unknown type, status or field; a missing event', async () => {
  await withStore(async (db) => {
    await fill(db);
    const fails = async (args: string[], message: RegExp) => {
      await assert.rejects(run(...args), (err: Error) => {
        if (err instanceof CommanderError) assert.notEqual(err.exitCode, 0);
        assert.match(err.message, message);
        return true;
      });
    };
    await fails(
      ['events', '--db', db, '--type', 'Battle'],
      /unknown event type "Battle": expected one of Battles, Protests/,
    );
    await fails(['events', '--db', db, '--review-status', 'done'], /unknown review status "done"/);
    await fails(['review', 'fe-e1', '--db', db, '--set', 'colour=red'], /cannot correct "colour"/);
    await fails(['review', 'fe-e1', '--db', db, '--set', 'type=Protests'], /sub-event type of Protests/);
    await fails(['review', 'fe-nope', '--db', db, '--confirm'], /no event "fe-nope"/);
    await fails(['review', 'fe-e1', '--db', db], /exactly one of/);
    assert.match(await run('events', '--db', db, '--type', 'PROTESTS'), /1 of 1 event/);
  });
});

test('ingest --published and sidecars date the articles whose input gives no date; the input’s own date wins', async () => {
  await withStore(async (_db, dir) => {
    writeFileSync(join(dir, 'a.txt'), 'خبر أول\n\nاشتبكت قوات أمس.');
    writeFileSync(join(dir, 'b.txt'), 'خبر ثان\n\nاشتبكت قوات أمس مرة أخرى.');
    writeFileSync(join(dir, 'b.txt.meta.json'), '{"published": "2019-04-09", "source": "وكالة ب"}');
    writeFileSync(
      join(dir, 'c.jsonl'),
      `${JSON.stringify({ title: 'ج', text: 'نص ج', published: '2019-01-01' })}\n${JSON.stringify({ title: 'د', text: 'نص د' })}\n`,
    );
    const read = async (options: Parameters<typeof readInputs>[1]) => {
      const items: IngestItem[] = [];
      for await (const item of readInputs([dir], options)) items.push(item);
      return items.map((i) => (i.kind === 'article' ? [i.article.published, i.article.origin.source] : i.message));
    };
    assert.deepEqual(await read({}), [
      [null, null],
      ['2019-04-09', 'وكالة ب'],
      ['2019-01-01', null],
      [null, null],
    ]);
    const fallback = { raw: '2019-04-08', date: '2019-04-08', at: null };
    assert.deepEqual(await read({ published: fallback }), [
      ['2019-04-08', null],
      ['2019-04-09', 'وكالة ب'],
      ['2019-01-01', null],
      ['2019-04-08', null],
    ]);
    writeFileSync(join(dir, 'b.txt.meta.json'), '{"published": "last week"}');
    assert.match(String((await read({}))[1]), /b\.txt\.meta\.json: field "published": "last week" is not a date/);
  });
});

test('extract - on one line: a report, not a title', async () => {
  const stdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  Object.defineProperty(process, 'stdin', {
    value: Readable.from([Buffer.from('قتل 3 مدنيين في قصف على سرت أمس\n')]),
    configurable: true,
  });
  try {
    const [record] = lines(await run('extract', '--published', '2019-04-08', '-')) as unknown as {
      events: { fatalities: number; date: string; location: { name: string } }[];
    }[];
    assert.deepEqual(
      record.events.map((e) => [e.fatalities, e.date, e.location.name]),
      [[3, '2019-04-07', 'Sirte']],
    );
  } finally {
    Object.defineProperty(process, 'stdin', stdin);
  }
});
