import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { signInAsGuest } from './support/sign-in.js';
import { type RunningPortal, startPortal } from './support/start-portal.js';

let portal: RunningPortal;
let browser: TestBrowser;

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('docs', () => {
  it("shows an entity's docs in its Docs tab: nav, TOC, an image, a drawn diagram, page switching", async () => {
    const { page } = browser;
    await signInAsGuest(page, `${portal.url}/`);
    await page.goto(`${portal.url}/catalog/default/component/payments-service/docs`);
    const nav = page.getByRole('navigation', { name: 'Docs navigation' });
    // The example docs are built at startup or on this first visit.
    await nav.getByRole('button', { name: 'Payment flow' }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'At a glance' }).waitFor({ timeout: 60_000 });
    const toc = page.getByRole('navigation', { name: 'On this page' });
    expect(await toc.getByRole('link', { name: 'Architecture' }).count()).toBe(1);
    // The image is loaded with the user's token and shown as a data: URL.
    await page.locator('[data-testid="techdocs-page"] img[src^="data:image/svg+xml"]').waitFor();
    await nav.getByRole('button', { name: 'Payment flow' }).click();
    await page.getByRole('heading', { name: 'Refunds' }).waitFor();
    // mermaid replaced the diagram's text with an SVG.
    await page.locator('pre.mermaid svg').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'techdocs-payment-flow');
    expect(browser.cspViolations).toEqual([]);
  });

  it('lists documented entities on the docs index and opens one', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/docs`);
    const table = page.getByRole('table', { name: 'Documented entities' });
    await table.getByRole('link', { name: 'Storefront web' }).click();
    await page.waitForURL(/\/docs\/default\/component\/storefront-web$/);
    await page
      .getByRole('navigation', { name: 'Docs navigation' })
      .getByRole('button', { name: 'Releasing' })
      .click();
    await page.waitForURL(/\/docs\/default\/component\/storefront-web\/releasing$/);
    await page.getByText('No production deploys between 20 December and 2 January.').waitFor();
  });
});
