import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { freePort } from './support/free-port.js';
import { signInAsGuest } from './support/sign-in.js';
import { type RunningPortal, repoRoot, startPortal } from './support/start-portal.js';

let portal: RunningPortal;
let browser: TestBrowser;
let files: Server;
let filesOrigin: string;
// A local checkout under catalog.allowedFileRoots, holding a copy of an example entity.
let checkouts: string;

// A tiny "git host" on loopback serving one descriptor, for the register flow.
const descriptor = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: e2e-registered-service
  title: E2E Registered Service
  description: Registered through the UI by a browser test
spec:
  type: service
  lifecycle: experimental
  owner: group:default/platform-team
`;

// The example organisation's cart-service, as a fork of its repository would hold it.
const cartServiceCopy = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart-service
  title: Cart service (fork)
spec:
  type: service
  lifecycle: experimental
  owner: team-checkout
`;

// Names that share words with each other and with nothing in the example catalog, for the
// text search: the exact name is ranked first, though another one sorts before it.
const searchFixtures = [
  ['hidden-payments-gateway', 'Card payments behind the edge'],
  ['a-payments-gateway-proxy', 'Proxy in front of the payments gateway'],
  ['payments-gateway', 'The payments gateway'],
]
  .map(
    ([name, description]) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: ${description}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-checkout\n`,
  )
  .join('---\n');

beforeAll(async () => {
  const port = await freePort();
  files = createServer((req, res) => {
    if (req.url === '/acme/registered/catalog-info.yaml') {
      res.setHeader('content-type', 'text/yaml');
      return res.end(descriptor);
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => files.listen(port, '127.0.0.1', resolve));
  filesOrigin = `http://127.0.0.1:${port}`;
  checkouts = mkdtempSync(join(tmpdir(), 'atrium-e2e-checkouts-'));
  mkdirSync(join(checkouts, 'cart-fork'));
  writeFileSync(join(checkouts, 'cart-fork', 'catalog-info.yaml'), cartServiceCopy);
  const searchFile = join(checkouts, 'search-fixtures.yaml');
  writeFileSync(searchFile, searchFixtures);
  const locations = ['./examples/catalog/all.yaml', './examples/templates/all.yaml', searchFile];
  portal = await startPortal(
    [
      `backend:\n  reading:\n    allow: [{ host: '127.0.0.1:${port}' }]`,
      `catalog:\n  allowedFileRoots: [${JSON.stringify(checkouts)}]`,
      `  locations: [${locations.map((target) => `{ type: file, target: ${JSON.stringify(target)} }`).join(', ')}]\n`,
    ].join('\n'),
  );
  browser = await launchBrowser();
  await signInAsGuest(browser.page, portal.url);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await new Promise<void>((resolve) => files?.close(() => resolve()));
  if (checkouts) rmSync(checkouts, { recursive: true, force: true });
});

describe('catalog in the browser', () => {
  it('lists the example organisation and filters it by kind and text', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/catalog`);
    const table = page.getByRole('table', { name: 'Catalog entities' });
    await table
      .getByRole('link', { name: /cart service/i })
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'catalog-index');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The catalog opens on Components (as Backstage does); the Kind filter shows it.
    const kinds = page.getByRole('group', { name: 'Kind' });
    expect(await kinds.getByRole('checkbox', { name: /^Component\b/ }).isChecked()).toBe(true);
    expect(await table.getByRole('link', { name: /Product Catalog API/ }).count()).toBe(0);
    await kinds.getByRole('checkbox', { name: /^Component\b/ }).click();
    await page.waitForURL(/kind=all/);
    await table
      .getByRole('link', { name: /Acme Corp/ })
      .first()
      .waitFor();
    await kinds.getByRole('checkbox', { name: /^API\b/ }).click();
    await page.waitForURL(/kind=API/);
    await table.getByRole('link', { name: /Product Catalog API/ }).waitFor();
    expect(await table.getByRole('link', { name: /cart service/i }).count()).toBe(0);
    await screenshot(page, 'catalog-filtered');

    // The search is debounced: wait for the unmatched row to go, then check what stayed.
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('graphql');
    await table.getByRole('link', { name: /Product Catalog API/ }).waitFor({ state: 'detached' });
    await page.waitForURL(/graphql/i);
    expect(await table.getByRole('link', { name: /Search GraphQL API/ }).count()).toBe(1);
  });

  it('searches by text: every word must match, an exact name comes first, and the counts follow', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/catalog`);
    const table = page.getByRole('table', { name: 'Catalog entities' });
    const rows = table.locator('tbody tr');
    const search = page.getByRole('searchbox', { name: 'Search the catalog' });
    const kinds = page.getByRole('group', { name: 'Kind' });
    const firstName = () => rows.first().getByRole('link').first().textContent();
    await table.getByRole('link').first().waitFor({ timeout: 30_000 });

    await search.fill('hidden-payments-gateway');
    await page.waitForURL(/q=hidden-payments-gateway/);
    await kinds.getByRole('checkbox', { name: /^Component\W+1 entity$/ }).waitFor();
    await table.getByRole('link', { name: 'a-payments-gateway-proxy' }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await firstName()).toBe('hidden-payments-gateway');
    expect(await page.getByTestId('catalog-total').textContent()).toBe('1 entity');
    await screenshot(page, 'catalog-search-one');

    // Sorted by name, the proxy would lead; the exact name is ranked first instead.
    await search.fill('payments-gateway');
    await kinds.getByRole('checkbox', { name: /^Component\W+3 entities$/ }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 3);
    expect(await firstName()).toBe('payments-gateway');

    // Both words, anywhere in name or description: not the entity with only one of them.
    await search.fill('gateway card');
    await kinds.getByRole('checkbox', { name: /^Component\W+1 entity$/ }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    expect(await firstName()).toBe('hidden-payments-gateway');

    await search.fill('no-such-words-anywhere');
    await kinds.getByRole('checkbox', { name: /^Component\W+0 entities$/ }).waitFor();
    await page.getByText('No entities match these filters').waitFor();
  });

  it('opens an entity and switches between its tabs, including the relations graph', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/catalog/default/component/cart-service`);
    await page.getByRole('heading', { level: 1, name: /cart service/i }).waitFor();
    await page.getByRole('region', { name: 'About' }).waitFor();
    await screenshot(page, 'entity-overview');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Dependencies' }).click();
    const graph = page.getByRole('figure', { name: /Relations of/ });
    await graph.waitFor();
    expect(await graph.getByRole('link').count()).toBeGreaterThan(1);
    await screenshot(page, 'entity-dependencies');

    await page.getByRole('tab', { name: 'Raw' }).click();
    await page.getByText('apiVersion', { exact: false }).first().waitFor();
    await screenshot(page, 'entity-raw');
  });

  it('renders an API definition for API entities', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/catalog/default/api/product-catalog-api`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('tab', { name: /definition/i }).click();
    await page
      .getByText(/GET|POST/)
      .first()
      .waitFor();
    await screenshot(page, 'api-definition');
  });

  it('registers a location from a URL and shows the new entity', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/catalog-import`);
    await page
      .getByRole('textbox', { name: 'Repository or file URL' })
      .fill(`${filesOrigin}/acme/registered/catalog-info.yaml`);
    await page.getByRole('button', { name: 'Analyze' }).click();
    await page.getByText('e2e-registered-service').first().waitFor();
    await screenshot(page, 'import-review');
    await page.getByRole('button', { name: 'Import' }).click();
    const link = page.getByRole('link', { name: /E2E Registered Service|e2e-registered-service/ }).first();
    await link.waitFor({ timeout: 45_000 });
    await screenshot(page, 'import-done');
    await link.click();
    await page.getByRole('heading', { level: 1, name: /E2E Registered Service/ }).waitFor();
  });

  it('unregisters the location an entity came from, after showing what it produced', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/catalog/default/component/e2e-registered-service`);
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Unregister location' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unregister location' });
    await dialog.getByText(`${filesOrigin}/acme/registered/catalog-info.yaml`).waitFor();
    await dialog.getByRole('link', { name: 'E2E Registered Service' }).waitFor();
    expect(await dialog.textContent()).toContain('removes this location and the 1 entity it produced');
    await screenshot(page, 'unregister-location');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Unregister' }).click();
    await page.waitForURL(`${portal.url}/catalog`);
  });
});

describe('registering, as a new user meets it', () => {
  const input = (page: Page) => page.getByRole('textbox', { name: 'Repository or file URL' });
  const analyze = async (page: Page, target: string) => {
    await input(page).fill(target);
    await page.getByRole('button', { name: 'Analyze' }).click();
  };

  it('asks for a URL or a path, and says which key allows a refused host or folder', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/catalog-import`);
    await analyze(page, 'petstore');
    await page.getByText(/'petstore' is neither a URL nor an absolute path/).waitFor();

    const url = 'https://github.com/acme/petstore/blob/main/catalog-info.yaml';
    await analyze(page, url);
    const help = page.getByRole('note', { name: 'How to allow this' });
    await help.getByText('Allow it with backend.reading.allow').waitFor();
    expect(await help.textContent()).toContain('- host: github.com');
    const refusal = (await page.getByRole('alert').textContent()) ?? '';
    expect(refusal.split(url)).toHaveLength(2);
    expect(refusal).not.toMatch(/generated-/);
    await screenshot(page, 'import-refused');

    await analyze(page, join(repoRoot, 'examples', 'catalog', 'all.yaml'));
    await help.getByText('Allow it with catalog.allowedFileRoots').waitFor();
    expect(await help.textContent()).toContain(`- ${join(repoRoot, 'examples', 'catalog')}`);
  });

  it('names the location that already owns a local file’s entity instead of offering it as new', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/catalog-import`);
    await analyze(page, join(checkouts, 'cart-fork', 'catalog-info.yaml'));
    const owned = page.getByRole('alert', { name: /^Already in the catalog/ });
    await owned.waitFor();
    const text = (await owned.textContent()) ?? '';
    expect(text).toContain('This entity is already in the catalog');
    expect(text).toContain(`file:${join(repoRoot, 'examples', 'catalog', 'all.yaml')}`);
    expect(await owned.getByRole('link', { name: 'Cart service' }).getAttribute('href')).toBe(
      '/catalog/default/component/cart-service',
    );
    expect(await page.getByRole('button', { name: 'Import' }).count()).toBe(0);
    await screenshot(page, 'import-already-in-catalog');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe('layout at phone, laptop and wide widths', () => {
  const viewport = (page: Page, width: number, height: number) => page.setViewportSize({ width, height });
  afterAll(() => viewport(browser.page, 1366, 860));

  /** Where the table's Description column ends, against the page and the table's own box. */
  const descriptionFit = (page: Page) =>
    page.evaluate(() => {
      const table = document.querySelector('table[aria-label="Catalog entities"]') as HTMLElement;
      const header = [...table.querySelectorAll('th')].find((th) => th.textContent === 'Description');
      return {
        right: header?.getBoundingClientRect().right ?? Number.POSITIVE_INFINITY,
        viewport: document.documentElement.clientWidth,
        tableOverflow: table.scrollWidth - (table.parentElement?.clientWidth ?? 0),
        pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });

  it('keeps the Description column on screen at 1400 px, beside long location names', async () => {
    const { page } = browser;
    await viewport(page, 1400, 900);
    // The Locations list the generated ones, whose 50-character names have no space.
    for (const [query, row] of [
      ['kind=Location', /generated-/],
      ['kind=all', /cart service/i],
    ] as const) {
      await page.goto(`${portal.url}/catalog?${query}`);
      const table = page.getByRole('table', { name: 'Catalog entities' });
      await table.getByRole('link', { name: row }).first().waitFor();
      const fit = await descriptionFit(page);
      expect(fit.right, query).toBeLessThanOrEqual(fit.viewport);
      expect(fit.tableOverflow, query).toBeLessThanOrEqual(0);
      expect(fit.pageOverflow, query).toBeLessThanOrEqual(0);
    }
    await screenshot(page, 'catalog-1400');
  });

  it('shows the page title and subtitle readably at 390 px', async () => {
    const { page } = browser;
    await viewport(page, 390, 844);
    for (const [path, title] of [
      ['/catalog', 'Catalog'],
      ['/catalog-import', 'Register an existing component'],
      ['/catalog/default/component/cart-service', 'Cart service'],
    ]) {
      await page.goto(`${portal.url}${path}`);
      const heading = page.getByRole('heading', { level: 1, name: title });
      await heading.waitFor();
      const shown = await heading.evaluate((h1) => ({
        clipped: h1.scrollWidth > h1.clientWidth,
        ellipsis: getComputedStyle(h1).textOverflow === 'ellipsis',
        width: h1.getBoundingClientRect().width,
        pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      expect(shown, path).toMatchObject({ clipped: false, ellipsis: false, pageOverflow: 0 });
      expect(shown.width, path).toBeGreaterThan(300);
    }
    await page.goto(`${portal.url}/catalog`);
    const subtitle = page.getByText(/^Every component, API, resource and team/);
    const box = await subtitle.boundingBox();
    // Word by word it took eight lines; readable, it takes two or three.
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeLessThan(80);
    await screenshot(page, 'catalog-390');
  });

  it('shows no scrollbar on a short page, at 1400 px and on a wide screen', async () => {
    const { page } = browser;
    for (const [width, height] of [
      [1400, 900],
      [2560, 1440],
    ] as const) {
      await viewport(page, width, height);
      await page.goto(`${portal.url}/catalog-import`);
      await page.getByRole('heading', { level: 1, name: 'Register an existing component' }).waitFor();
      const scroll = await page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        viewport: document.documentElement.clientHeight,
      }));
      expect(scroll.height, `${width}x${height}`).toBeLessThanOrEqual(scroll.viewport);
    }
  });

  it('keeps the page actions above the content on a wide screen', async () => {
    const { page } = browser;
    await viewport(page, 2560, 1440);
    await page.goto(`${portal.url}/catalog?kind=all`);
    const table = page.getByRole('table', { name: 'Catalog entities' });
    await table
      .getByRole('link', { name: /cart service/i })
      .first()
      .waitFor();
    const fit = await descriptionFit(page);
    expect(fit.tableOverflow).toBeLessThanOrEqual(0);
    expect(fit.pageOverflow).toBeLessThanOrEqual(0);
    const action = await page.getByRole('link', { name: 'Register existing component' }).boundingBox();
    const content = await table.boundingBox();
    expect((action?.x ?? 0) + (action?.width ?? 0)).toBeLessThanOrEqual(
      (content?.x ?? 0) + (content?.width ?? 0) + 1,
    );
    await screenshot(page, 'catalog-2560');
  });
});
