/**
 * Takes the README's screenshots of the workbench (docs/screenshots/): the map with an event
 * and its review panel, the trends, and the phone layout, in Arabic and English, at 1440×900
 * and 390×844. The store is made from the browser tests' fixtures (test/fixtures/web), fused,
 * in a temporary folder; Debian's chromium draws the pages. Not part of npm test.
 * Run: node --import tsx scripts/build-web.ts && node --import tsx scripts/screenshots.ts
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { packagePath } from '../src/core/paths.js';
import { fusePending } from '../src/fusion/fuse.js';
import { pipelineAnalyzer } from '../src/server/analyzer.js';
import { startServer } from '../src/server/serve.js';
import { SqliteRepository } from '../src/store/sqlite.js';
import { fillFixtureStore, loadWebFixtures } from '../src/testing/web-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = packagePath('docs', 'screenshots');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface Shot {
  file: string;
  lang: 'ar' | 'en';
  size: { width: number; height: number };
  path: string;
  /** What to do on the page before the picture. */
  prepare?: (page: Page) => Promise<void>;
}

const selectClash = async (page: Page) => {
  await page.locator('#event-table tr[data-event-id="fe-fx-ain-zara-clash"]').click();
  await page.waitForSelector('#event-panel .review-box');
  await page.evaluate('window.scrollTo(0, 0)');
};

const SHOTS: Shot[] = [
  { file: 'workbench-ar.png', lang: 'ar', size: DESKTOP, path: '/', prepare: selectClash },
  { file: 'workbench-en.png', lang: 'en', size: DESKTOP, path: '/', prepare: selectClash },
  { file: 'trends-ar.png', lang: 'ar', size: DESKTOP, path: '/?interval=month#/trends' },
  { file: 'trends-en.png', lang: 'en', size: DESKTOP, path: '/?interval=month#/trends' },
  { file: 'mobile-ar.png', lang: 'ar', size: PHONE, path: '/' },
  { file: 'mobile-en.png', lang: 'en', size: PHONE, path: '/' },
  { file: 'mobile-trends-ar.png', lang: 'ar', size: PHONE, path: '/?interval=month#/trends' },
  { file: 'paste-ar.png', lang: 'ar', size: DESKTOP, path: '/#/paste', prepare: paste },
];

async function paste(page: Page): Promise<void> {
  await page.fill('#paste-form input[name=published]', '2019-09-10');
  await page.fill(
    '#paste-text',
    'قتل ثلاثة مدنيين في قصف جوي استهدف حيا سكنيا في مدينة ترهونة مساء أمس، بحسب مصادر طبية.',
  );
  await page.waitForSelector('#paste-events .event-card', { timeout: 20_000 });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-shots-'));
  const repo = new SqliteRepository(join(dir, 'shots.db'));
  try {
    await fillFixtureStore(repo, [
      ...loadWebFixtures(),
      ...loadWebFixtures(packagePath('test', 'fixtures', 'web', 'workbench.json')),
    ]);
    await fusePending(repo);
    const server = await startServer({ repo, analyzer: pipelineAnalyzer(), host: '127.0.0.1', port: 0 });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    mkdirSync(OUT, { recursive: true });
    try {
      for (const shot of SHOTS) {
        const page = await browser.newPage({ viewport: shot.size });
        await page.addInitScript(`localStorage.setItem('marsad.lang', '${shot.lang}')`);
        await page.goto(`${server.url}${shot.path}`);
        await page.waitForFunction(`document.body.dataset.state === 'ready'`);
        await page.waitForFunction(`document.querySelectorAll('.leaflet-overlay-pane path').length > 400`);
        await shot.prepare?.(page);
        await page.mouse.move(0, 0); // no hover tooltip in the picture
        await page.waitForTimeout(500); // the map's tiles of vectors and the chart settle
        await page.screenshot({ path: join(OUT, shot.file) });
        process.stdout.write(`screenshots: ${shot.file}\n`);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
