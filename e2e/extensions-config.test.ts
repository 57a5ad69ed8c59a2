import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { signInAsGuest } from './support/sign-in.js';
import { type RunningPortal, startPortal } from './support/start-portal.js';

let portal: RunningPortal;
let browser: TestBrowser;

beforeAll(async () => {
  // Disabled by config alone: no code changes, the rest of the app keeps working.
  portal = await startPortal(
    [
      'app:',
      '  extensions:',
      '    - page:catalog/import: false',
      '    - entity-tab:catalog/dependencies: false',
      '',
    ].join('\n'),
  );
  browser = await launchBrowser();
  await signInAsGuest(browser.page, portal.url);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('app.extensions', () => {
  it('removes disabled extensions and keeps the rest', async () => {
    const { page } = browser;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Catalog' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Register' }).count()).toBe(0);

    await page.goto(`${portal.url}/catalog/default/component/cart-service`);
    await page.getByRole('tab', { name: 'Overview' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('tab', { name: 'Dependencies' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Raw' }).count()).toBe(1);
    await screenshot(page, 'extension-disabled');

    await page.goto(`${portal.url}/catalog-import`);
    await page
      .getByText(/not found/i)
      .first()
      .waitFor();
  });
});
