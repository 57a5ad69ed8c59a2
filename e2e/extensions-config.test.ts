import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.js';
import { usePortalAndBrowser } from './support/portal-and-browser.js';

// Disabled by config alone: no code changes, the rest of the app keeps working.
const env = usePortalAndBrowser({
  config: [
    'app:',
    '  extensions:',
    '    - page:catalog/import: false',
    '    - entity-tab:catalog/dependencies: false',
    '',
  ].join('\n'),
  signIn: 'guest',
});

describe('app.extensions', () => {
  it('removes disabled extensions and keeps the rest', async () => {
    const { page } = env.browser;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Catalog' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Register' }).count()).toBe(0);

    await page.goto(`${env.portal.url}/catalog/default/component/cart-service`);
    await page.getByRole('tab', { name: 'Overview' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('tab', { name: 'Dependencies' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Raw' }).count()).toBe(1);
    await screenshot(page, 'extension-disabled');

    await page.goto(`${env.portal.url}/catalog-import`);
    await page
      .getByText(/not found/i)
      .first()
      .waitFor();
  });
});
