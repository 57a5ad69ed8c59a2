import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { type FileHost, startFileHost } from './support/file-host.js';
import { signInAsGuest } from './support/sign-in.js';
import { type RunningPortal, startPortal } from './support/start-portal.js';

let portal: RunningPortal;
let browser: TestBrowser;
let files: FileHost;
let descriptorUrl: string;

const descriptor = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: e2e-audited-service
spec:
  type: service
  lifecycle: experimental
  owner: group:default/platform-team
`;

beforeAll(async () => {
  files = await startFileHost({ '/acme/audited/catalog-info.yaml': descriptor });
  descriptorUrl = files.url('/acme/audited/catalog-info.yaml');
  portal = await startPortal(`backend:\n  reading:\n    allow: [{ host: '${files.host}' }]\n`);
  browser = await launchBrowser();
  await signInAsGuest(browser.page, portal.url);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await files?.close();
});

describe('audit log in the browser', () => {
  it('shows a location registered through the UI, with who registered it', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/catalog-import`);
    await page.getByRole('textbox', { name: 'Repository or file URL' }).fill(descriptorUrl);
    await page.getByRole('button', { name: 'Analyze' }).click();
    await page.getByText('e2e-audited-service').first().waitFor();
    await page.getByRole('button', { name: 'Import' }).click();
    await page
      .getByRole('link', { name: /e2e-audited-service/ })
      .first()
      .waitFor({ timeout: 45_000 });

    // The guest may read the log (the shipped policy allows everyone): the nav lists it.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('list', { name: 'Administration' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('textbox', { name: 'Event' }).fill('catalog.location.create');
    await page.getByRole('button', { name: 'Apply' }).click();
    const table = page.getByRole('table', { name: 'Audit events' });
    const row = table.getByRole('row').filter({ hasText: `url:${descriptorUrl}` });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('user:development/guest');
    expect(await table.getByRole('row').count()).toBe(2);
    await screenshot(page, 'audit-log');
    expect(await accessibilityViolations(page)).toEqual([]);

    await row.getByRole('button', { name: /^Details of catalog.location.create/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Audit event catalog.location.create' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('"url": "/api/catalog/locations"');
  });
});
