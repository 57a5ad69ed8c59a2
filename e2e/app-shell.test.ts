import { describe, expect, it } from 'vitest';
import { accessibilityViolations, screenshot } from './support/browser.js';
import { usePortalAndBrowser } from './support/portal-and-browser.js';

const env = usePortalAndBrowser();

describe('app shell', () => {
  it('shows the sign-in page to signed-out users and signs a guest in', async () => {
    const { page } = env.browser;
    await page.goto(`${env.portal.url}/`);
    const signIn = page.getByRole('button', { name: /guest/i });
    await signIn.waitFor();
    await screenshot(page, 'sign-in');
    expect(await accessibilityViolations(page)).toEqual([]);
    await signIn.click();
    await page.getByRole('navigation').waitFor();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await screenshot(page, 'home');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('moves between pages from the navigation without reloading', async () => {
    const { page } = env.browser;
    await page.goto(`${env.portal.url}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Catalog', exact: true }).click();
    await page.getByRole('table', { name: 'Catalog entities' }).getByRole('link').first().waitFor();
    await nav.getByRole('link', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/create$/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('table', { name: 'Catalog entities' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { name: /welcome/i }).waitFor();
  });

  it('runs under its Content-Security-Policy without a violation', async () => {
    const { page } = env.browser;
    const response = await page.goto(`${env.portal.url}/catalog`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('table', { name: 'Catalog entities' }).getByRole('link').first().waitFor();
    expect(env.browser.cspViolations).toEqual([]);
  });

  it('shows a not-found page for unknown routes', async () => {
    const { page } = env.browser;
    await page.goto(`${env.portal.url}/no/such/page`);
    await page
      .getByText(/not found/i)
      .first()
      .waitFor();
    await screenshot(page, 'not-found');
  });
});
