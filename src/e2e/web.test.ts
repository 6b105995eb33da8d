/**
 * The analyst's workbench in a real browser (Debian's chromium through playwright-core), against
 * a server on 127.0.0.1 over a store made from test/fixtures/web (articles.json and
 * workbench.json, fused). Skips without chromium, except under CI. Screenshots go to test-artifacts/.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { packagePath } from '../core/paths.js';
import { SqliteRepository } from '../store/sqlite.js';
import { fillFixtureStore, loadWebFixtures, type FixtureArticleRecord } from '../testing/web-fixtures.js';
import { fusePending } from '../fusion/fuse.js';
import { pipelineAnalyzer } from '../server/analyzer.js';
import { startServer, type RunningServer } from '../server/serve.js';
import { DEFAULT_WEB_DIR } from '../server/static.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = packagePath('test-artifacts');
const WORKBENCH_FIXTURES = packagePath('test', 'fixtures', 'web', 'workbench.json');
const STRINGS = packagePath('web', 'src', 'strings.json');
const CLASH = 'fe-fx-ain-zara-clash';
const SIRTE = 'fe-fx-sirte-strikes';

function missing(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is absent (install it with scripts/ci/setup-chromium.sh)`;
  if (!existsSync(join(DEFAULT_WEB_DIR, 'index.html')))
    return `the web app is not built (run: node --import tsx scripts/build-web.ts)`;
  return null;
}

const reason = missing();
// Under CI a missing browser or build must fail, not pass quietly as skipped.
const skip = reason !== null && !process.env.CI ? `skipped: ${reason}` : false;

const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The visible text of the interface, node by node: text inside `[data-source]` (names and text
 * from the articles) or under an element of another `lang` (the article excerpts, the other
 * language's name on the toggle) is the data's, not the interface's, and is left out.
 */
const INTERFACE_TEXT = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    const text = node.textContent.trim();
    if (!parent || !text) continue;
    if (parent.closest('[data-source], [lang]')) continue;
    if (parent.getClientRects().length === 0) continue;
    out.push(text);
  }
  for (const option of document.querySelectorAll('select option')) out.push(option.textContent.trim());
  return out;
})()`;

interface StringTables {
  ui: Record<string, { ar: string; en: string }>;
  [table: string]: Record<string, { ar: string; en: string }>;
}

describe('the workbench in chromium', { skip }, () => {
  let dir: string;
  let repo: SqliteRepository;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let fixtures: FixtureArticleRecord[];
  let serverStopped = false;
  const offsite: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    if (reason) throw new Error(reason);
    dir = mkdtempSync(join(tmpdir(), 'marsad-e2e-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    repo = new SqliteRepository(join(dir, 'e2e.db'));
    fixtures = await fillFixtureStore(repo, [...loadWebFixtures(), ...loadWebFixtures(WORKBENCH_FIXTURES)]);
    await fusePending(repo);
    server = await startServer({ repo, analyzer: pipelineAnalyzer(), host: '127.0.0.1', port: 0 });
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: BROWSER_ARGS,
      viewport: { width: 1440, height: 900 },
      // Without the page's CSP as a safety net, the markup test below shows the escaping itself works.
      bypassCSP: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) offsite.push(r.url());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#event-table tbody tr[data-event-id]');
  });

  after(async () => {
    await context?.close();
    if (!serverStopped) await server?.close();
    await repo?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const rows = () => page.locator('#event-table tbody tr[data-event-id]');
  const rowIds = () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id')));
  const ready = () => page.waitForFunction(`['ready', 'empty'].includes(document.body.dataset.state)`);
  const selectRow = async (id: string) => {
    await page.locator(`#event-table tr[data-event-id="${id}"]`).click();
    await page.waitForSelector(`#event-panel .review-box`);
  };

  test('Arabic, right to left, the admin1 map and every asset from this server', async () => {
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.textContent('#tab-map'), 'الخريطة والأحداث');
    await page.waitForFunction(`document.querySelectorAll('.leaflet-overlay-pane path').length > 400`);
    assert.ok((await page.locator('.city-label').count()) > 100, 'city labels');
    assert.match((await page.textContent('.leaflet-control-attribution')) ?? '', /Who's On First/);
    assert.ok(
      (await page.locator('.map-legend .legend-row').count()) >= 6,
      'a legend of the six event types, and of the shading',
    );
    const fonts = await page.evaluate<number>(
      `document.fonts.load('16px "Noto Naskh Arabic"', 'مرصد').then((faces) => faces.length)`,
    );
    assert.ok(fonts > 0, 'the bundled Naskh font loads');
    assert.deepEqual(offsite, []);
  });

  test('a fused event with three sources is one row and one marker, with its outlets', async () => {
    const ids = await rowIds();
    assert.equal(ids.filter((id) => id === CLASH).length, 1);
    assert.ok(!ids.some((id) => id?.startsWith('fx-')), 'no per-article rows');
    assert.equal(ids.length, 7, 'nine reports, seven occurrences');
    assert.equal(await page.textContent(`#event-table tr[data-event-id="${CLASH}"] .corroboration`), '3');
    // Code run in the page is passed as text: this file is compiled without the DOM's types.
    // Every placed occurrence once (counted once the clusters' zoom animation has settled).
    await page.waitForFunction(`document.querySelectorAll('.event-marker').length +
      [...document.querySelectorAll('.marker-cluster span')].reduce((n, s) => n + Number(s.textContent), 0) === 6`);

    await selectRow(CLASH);
    const outlets = await page.locator('#event-panel .sources li .outlet').allTextContents();
    assert.deepEqual(outlets.sort(), ['إذاعة الوادي التجريبية', 'صحيفة الساحل التجريبية', 'موقع الشرق التجريبي']);
    assert.match((await page.textContent('#event-panel .corroboration-line')) ?? '', /3/);
    assert.match((await page.textContent('#event-panel .fields')) ?? '', /بين 2 و4/, 'the toll across the sources');
    // Each report's own event is a click away.
    await page.locator('#event-panel .sources li').first().locator('button.link').click();
    await page.waitForSelector('#event-panel .excerpt .hl-trigger');
    assert.equal(await page.textContent('#event-panel .excerpt .hl-trigger'), 'اشتباكات');
    assert.equal(
      await page.getAttribute('.leaflet-marker-icon.selected .event-marker', 'data-event-id'),
      CLASH,
      'the marker is selected with the row',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'workbench.png') });
  });

  test('markup inside an article is shown as text and never runs', async () => {
    await selectRow('fe-fx-sabha-abduction');
    const panelText = (await page.textContent('#event-panel')) ?? '';
    assert.ok(panelText.includes('منبر الجنوب <b>التجريبي</b>'), 'the outlet markup is visible as text');
    assert.ok(panelText.includes("<script>window.__marsadPwned = 'title'</script>"), 'the title markup as text');
    await page.locator('#event-panel .sources li button.link').click();
    await page.waitForSelector('#event-panel .excerpt');
    assert.ok(
      ((await page.textContent('#event-panel')) ?? '').includes("<script>window.__marsadPwned = 'text'</script>"),
    );
    assert.equal(await page.locator('#event-panel script, #event-panel img, #event-panel b').count(), 0);
    assert.equal(await page.locator('#event-panel a[href^="javascript"]').count(), 0);
    assert.equal(await page.evaluate('window.__marsadPwned'), undefined);
    assert.deepEqual(pageErrors, []);
  });

  test('the weekly chart and the admin1 table change with a filter', async () => {
    await page.click('#tab-trends');
    await page.waitForSelector('#admin1-table tbody tr[data-key]');
    const chart = async () => ({
      periods: Number(await page.getAttribute('#trend-chart', 'data-periods')),
      total: Number(await page.getAttribute('#trend-chart', 'data-total')),
    });
    const admin1 = () =>
      page
        .locator('#admin1-table tbody tr[data-key]')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')));
    const before = await chart();
    assert.equal(before.total, 7, 'every occurrence is dated');
    assert.ok(before.periods > 100, 'weeks from 2016 to 2021');
    assert.deepEqual((await admin1()).sort(), [
      'LY/Benghazi',
      'LY/Misrata',
      'LY/Murqub',
      'LY/Sabha',
      'LY/Sirte',
      'LY/Tripoli',
    ]);
    await page.selectOption('#filter-type', 'Battles');
    await page.waitForFunction(`document.getElementById('trend-chart').dataset.total === '2'`);
    assert.deepEqual(await chart(), { periods: 2, total: 2 });
    assert.deepEqual((await admin1()).sort(), ['LY/Misrata', 'LY/Tripoli']);
    assert.match(page.url(), /type=Battles/);
    await page.screenshot({ path: join(ARTIFACTS, 'trends.png') });
    // A row is a link to its events.
    await page.locator('#admin1-table tr[data-key="LY/Misrata"]').click();
    await page.click('#tab-map');
    await page.waitForFunction(`document.querySelectorAll('#event-table tbody tr[data-event-id]').length === 1`);
    assert.deepEqual(await rowIds(), ['fe-fx-misrata-clash']);
    assert.match(page.url(), /admin1=Misrata/);
    await page.click('#filters button[type=reset]');
    await page.waitForFunction(`document.querySelectorAll('#event-table tbody tr[data-event-id]').length === 7`);
  });

  test('sorting and the filters are in the URL: a reload restores the view', async () => {
    await page.locator('#event-table th[data-sort="fatalities"] button').click();
    await page.waitForFunction(`location.search.includes('sort=fatalities')`);
    await ready();
    const sorted = await rowIds();
    assert.equal(sorted[0], 'fe-fx-misrata-clash', 'five killed: the highest toll first');
    await page.fill('#filters input[name=fatalitiesMin]', '1');
    await page.waitForFunction(`location.search.includes('fatalitiesMin=1')`);
    await ready();
    const filtered = await rowIds();
    await page.reload();
    await page.waitForSelector('#event-table tbody tr[data-event-id]');
    assert.deepEqual(await rowIds(), filtered);
    assert.equal(await page.inputValue('#filters input[name=fatalitiesMin]'), '1');
    assert.equal(await page.getAttribute('#event-table th[data-sort="fatalities"]', 'aria-sort'), 'descending');
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#event-table tbody tr[data-event-id]');
  });

  test('review: correct the toll, dismiss another; after a reload the corrections hold and the export has them', async () => {
    await selectRow(CLASH);
    await page.click('#event-panel button[data-review="correct"]');
    await page.fill('#event-panel form.correction input[name=fatalities]', '7');
    await page.fill('#event-panel textarea[name=note]', 'ثلاثة مصادر، والحصيلة من بيان المستشفى');
    await page.click('#event-panel button[data-review="save"]');
    await page.waitForFunction(
      `document.querySelector('#event-table tr[data-event-id="${CLASH}"] td.num')?.textContent === '7'`,
    );
    await page.waitForSelector('#event-panel .trail li');
    assert.match((await page.textContent('#event-panel .trail')) ?? '', /صُحّح/);
    assert.match((await page.textContent('#event-panel .trail')) ?? '', /القتلى: 2 ← 7/);
    assert.match((await page.textContent('#event-panel .fields')) ?? '', /قيمة الآلة: 2/, "the machine's toll beside");

    await selectRow(SIRTE);
    await page.click('#event-panel button[data-review="dismiss"]');
    await page.waitForFunction(`!document.querySelector('#event-table tr[data-event-id="${SIRTE}"]')`);

    await page.reload();
    await page.waitForSelector('#event-table tbody tr[data-event-id]');
    assert.equal(await page.textContent(`#event-table tr[data-event-id="${CLASH}"] td.num`), '7');
    assert.equal(await page.textContent(`#event-table tr[data-event-id="${CLASH}"] .status`), 'مصحَّح');
    assert.ok(!(await rowIds()).includes(SIRTE), 'a dismissed event is left out');
    const csv = await page.evaluate(
      async (href) => (await fetch(href)).text(),
      (await page.getAttribute('#export-csv', 'href'))!,
    );
    const records = parse<Record<string, string>>(csv, { columns: true });
    assert.equal(records.length, 6, 'the view: seven occurrences less the dismissed one');
    const clash = records.find((r) => r.location === 'Ain Zara');
    assert.equal(clash?.fatalities, '7');
    assert.ok(!records.some((r) => r.location === 'Sirte'));
    await page.selectOption('#filter-review', 'dismissed');
    await page.waitForFunction(`document.querySelectorAll('#event-table tbody tr[data-event-id]').length === 1`);
    assert.deepEqual(await rowIds(), [SIRTE]);
    await page.selectOption('#filter-review', '');
    await ready();
  });

  test('a re-ingest of the same article keeps the review', async () => {
    const ainZara = fixtures.find((f) => f.events.some((e) => e.id === 'fx-ain-zara-clash'))!;
    const sirte = fixtures.find((f) => f.events.some((e) => e.id === 'fx-sirte-strikes'))!;
    for (const f of [ainZara, sirte]) await repo.replaceEvents(f.id, f.events);
    await fusePending(repo);
    await page.reload();
    await page.waitForSelector('#event-table tbody tr[data-event-id]');
    assert.equal(await page.textContent(`#event-table tr[data-event-id="${CLASH}"] td.num`), '7');
    assert.ok(!(await rowIds()).includes(SIRTE));
  });

  test('events without a place are counted and listed', async () => {
    assert.equal(await page.textContent('#unplaced'), 'أحداث بلا مكان: 1');
    await page.click('#unplaced-list');
    await page.waitForFunction(`document.querySelectorAll('#event-table tbody tr[data-event-id]').length === 1`);
    assert.deepEqual(await rowIds(), ['fe-fx-arrests']);
    await page.click('#unplaced-list');
    await page.waitForFunction(`document.querySelectorAll('#event-table tbody tr[data-event-id]').length === 6`);
  });

  test('the empty state: a message, no stale panel', async () => {
    await selectRow(CLASH);
    await page.fill('#filters input[name=since]', '2030-01-01');
    await page.waitForFunction(`document.body.dataset.state === 'empty'`);
    assert.equal(await page.isVisible('#map-message'), true);
    assert.match((await page.textContent('#map-message')) ?? '', /لا أحداث لهذه المرشحات/);
    assert.equal(await page.locator('#event-panel .panel-head').count(), 0, 'the panel no longer shows an event');
    assert.match((await page.textContent('#event-table tbody')) ?? '', /لا أحداث لهذه المرشحات/);
    assert.ok(!page.url().includes('event='));
    await page.screenshot({ path: join(ARTIFACTS, 'empty.png') });
    await page.click('#filters button[type=reset]');
    await page.waitForFunction(`document.body.dataset.state === 'ready'`);
  });

  test('the English interface has no Arabic string left, and the Arabic none of the English', async () => {
    const tables = JSON.parse(readFileSync(STRINGS, 'utf8')) as StringTables;
    const terms = Object.entries(tables)
      .filter(([name]) => name !== '$meta')
      .flatMap(([, table]) => Object.values(table))
      .filter((s) => s.ar !== s.en);
    const visit = async () => {
      const seen: string[] = [];
      await selectRow(CLASH);
      await page.click('#event-panel button[data-review="correct"]');
      seen.push(...(await page.evaluate<string[]>(INTERFACE_TEXT)));
      await page.click('#tab-trends');
      await page.waitForSelector('#actor-table tbody tr[data-key]');
      seen.push(...(await page.evaluate<string[]>(INTERFACE_TEXT)));
      await page.click('#tab-map');
      return seen;
    };
    await page.click('#lang-toggle');
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    await ready();
    const english = await visit();
    assert.deepEqual(
      english.filter((s) => /[\u0600-\u06FF]/.test(s)),
      [],
      'no Arabic script in the English interface',
    );
    assert.ok(english.includes('Armed clash') && english.includes('Tripoli'), 'sub-types and admin1 in English');
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-en.png') });
    await page.click('#lang-toggle');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await ready();
    const arabic = await visit();
    const englishTerms = new Set(terms.map((s) => s.en));
    assert.deepEqual(
      arabic.filter((s) => englishTerms.has(s)),
      [],
      'no English string of the tables in the Arabic interface',
    );
    assert.ok(arabic.includes('اشتباك مسلح') && arabic.includes('طرابلس'), 'sub-types and admin1 in Arabic');
    assert.deepEqual(pageErrors, []);
  });

  test('at 390×844 the map comes first, the table is folded, nothing scrolls sideways', async () => {
    for (const lang of ['ar', 'en']) {
      const phone = await context.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.addInitScript(`localStorage.setItem('marsad.lang', '${lang}')`);
      await phone.goto(`${server.url}/`);
      await phone.waitForFunction(`document.body.dataset.state === 'ready'`);
      assert.ok(
        (await phone.evaluate<number>('document.documentElement.scrollWidth')) <= 390,
        `${lang}: no sideways scroll`,
      );
      assert.equal(await phone.evaluate('document.getElementById("table-box").open'), false, `${lang}: table folded`);
      const mapTop = await phone.evaluate<number>(`document.getElementById('map').getBoundingClientRect().top`);
      assert.ok(mapTop < 300, `${lang}: the map is on the first screen (top at ${mapTop})`);
      await phone.click('#table-box > summary');
      await phone.click('#filters-box > summary');
      assert.ok(
        (await phone.evaluate<number>('document.documentElement.scrollWidth')) <= 390,
        `${lang}: still none, opened`,
      );
      await phone.close();
    }
  });

  test('pasting an article shows its events live, and saving adds it to the map', async () => {
    await page.click('#tab-paste');
    await page.fill('#paste-form input[name=published]', '2019-09-10');
    await page.fill(
      '#paste-text',
      'قتل ثلاثة مدنيين في قصف جوي استهدف حيا سكنيا في مدينة ترهونة مساء أمس، بحسب مصادر طبية.',
    );
    await page.waitForSelector('#paste-events .event-card', { timeout: 20_000 });
    assert.ok((await page.locator('#paste-rendered .hl-trigger').count()) >= 1);
    assert.match((await page.textContent('#paste-events')) ?? '', /2019-09-09/);
    await page.click('#paste-store');
    await page.waitForFunction(`document.getElementById('paste-status')?.textContent === 'حُفظ المقال وأحداثه'`);
    await page.click('#tab-map');
    await page.waitForFunction(`document.querySelectorAll('#event-table tbody tr[data-event-id]').length > 6`);
  });

  test('a stopped server shows a clear banner', async () => {
    await server.close();
    serverStopped = true;
    await page.selectOption('#filter-type', 'Riots');
    await page.waitForFunction(`document.body.dataset.state === 'offline'`);
    assert.equal(await page.isVisible('#banner'), true);
    assert.match((await page.textContent('#banner-text')) ?? '', /تعذّر الوصول إلى الخادم/);
    await page.screenshot({ path: join(ARTIFACTS, 'offline.png') });
  });
});
