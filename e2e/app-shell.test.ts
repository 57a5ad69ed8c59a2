import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
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

describe('app shell', () => {
  it('shows the sign-in page to signed-out users and signs a guest in', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/`);
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
    const { page } = browser;
    await page.goto(`${portal.url}/`);
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
    const { page } = browser;
    const response = await page.goto(`${portal.url}/catalog`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('table', { name: 'Catalog entities' }).getByRole('link').first().waitFor();
    expect(browser.cspViolations).toEqual([]);
  });

  it('shows a not-found page for unknown routes', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/no/such/page`);
    await page
      .getByText(/not found/i)
      .first()
      .waitFor();
    await screenshot(page, 'not-found');
  });
});
