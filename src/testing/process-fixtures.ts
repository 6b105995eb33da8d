/**
 * Helpers for the tests that run `marsad ingest` in child processes on a SQLite file: synthetic
 * reports, the CLI, and what a store holds.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'marsad.js');
/** Why the tests cannot run, or undefined. */
export const skipWithoutCli = existsSync(join(root, 'dist', 'cli', 'main.js'))
  ? undefined
  : 'the CLI is not built (npm run build)';

const PLACES = ['طرابلس', 'بنغازي', 'سرت', 'درنة', 'مصراتة', 'غريان', 'سبها', 'الزاوية'];
const FORCES = ['قوات حكومة الوفاق', 'الجيش الوطني الليبي', 'مسلحون مجهولون'];

export interface Report {
  title: string;
  text: string;
  published: string;
  source: string;
  url: string;
}

/** A report with events (a clash with its toll, a strike), so that extraction and fusion have work. */
export function report(n: number): Report {
  const place = PLACES[n % PLACES.length];
  const force = FORCES[n % FORCES.length];
  // About four reports a day: some fuse, and fusion's windows stay small.
  const day = new Date(Date.UTC(2019, 0, 1) + (n % 200) * 86_400_000).toISOString().slice(0, 10);
  return {
    title: `اشتباكات قرب ${place} (${n})`,
    text:
      `قال مصدر محلي إن اشتباكات عنيفة اندلعت مساء أمس بين ${force} ومجموعة مسلحة في ${place}، ` +
      `ما أسفر عن مقتل ${2 + (n % 5)} أشخاص وإصابة آخرين في الحي رقم ${n}. ` +
      `وأضاف أن غارة جوية استهدفت موقعا قرب ${PLACES[(n + 3) % PLACES.length]} صباح اليوم.`,
    published: day,
    source: 'مرصد - نص اختبار',
    url: `https://example.org/test/${n}`,
  };
}

export function writeJsonLines(path: string, reports: Report[]): void {
  writeFileSync(path, reports.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function ingest(db: string, file: string): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [cli, 'ingest', '--db', db, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** `marsad serve` on a free port of 127.0.0.1, once it has told its address (within 30 s). */
export async function serve(
  db: string,
  args: string[] = [],
): Promise<{ url: string; child: ChildProcess; done: Promise<Run> }> {
  const child = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`marsad serve told no address in 30 s: ${stderr}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const address = /API (http:\/\/[^/\s]+)\//.exec(stderr);
      if (address) {
        clearTimeout(timer);
        resolve(address[1]);
      }
    });
    void done.then((run) => reject(new Error(`marsad serve stopped (${run.code ?? run.signal}): ${stderr}`)));
  });
  return { url, child, done };
}

/** PRAGMA integrity_check, the FTS5 index against its content, and foreign keys. */
export function assertSound(path: string): void {
  const db = new Database(path);
  try {
    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    db.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`);
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    const ftsRows = db.prepare('SELECT count(*) AS n FROM articles_fts').get() as { n: number };
    const articles = db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
    assert.equal(ftsRows.n, articles.n, 'one full-text row per article');
  } finally {
    db.close();
  }
}

/** What a store holds, without times of day and row numbers. */
export function contents(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      articles: all('SELECT id, title, text, published FROM articles ORDER BY id'),
      origins: all('SELECT article_id, url, source, input, external_id FROM article_origins ORDER BY article_id, url'),
      events: all('SELECT id, article_id, record FROM events ORDER BY id'),
      clusters: all('SELECT event_id, cluster_id, position, joined_by FROM event_clusters ORDER BY event_id'),
      fused: all('SELECT id, record FROM fused_records ORDER BY id'),
      queue: all('SELECT event_id FROM fusion_queue'),
    };
  } finally {
    db.close();
  }
}

export function countArticles(path: string): number {
  if (!existsSync(path)) return 0;
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } catch {
    return 0; // not migrated yet
  } finally {
    db?.close();
  }
}
