import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { freePort } from './support/free-port.js';
import { signInAsGuest } from './support/sign-in.js';
import { type RunningPortal, startPortal } from './support/start-portal.js';

let portal: RunningPortal;
let browser: TestBrowser;
let files: Server;
let filesOrigin: string;

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
  portal = await startPortal(`backend:\n  reading:\n    allow: [{ host: '127.0.0.1:${port}' }]\n`);
  browser = await launchBrowser();
  await signInAsGuest(browser.page, portal.url);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await new Promise<void>((resolve) => files?.close(() => resolve()));
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
    await table.getByRole('link', { name: /Product Catalog API/ }).waitFor();
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
});
