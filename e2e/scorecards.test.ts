import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { signInAsGuest } from './support/sign-in.js';
import { type RunningPortal, startPortal } from './support/start-portal.js';

// The example organisation as shipped (the Basic Health track, the example campaign and the
// seeded exemption from examples/scorecards/basic-health.yaml), with the collectors running
// every 2 seconds instead of every minute so the first evaluation comes quickly.
const scorecardsConfig = [
  'scorecards:',
  '  collectors:',
  '    catalog: { frequency: { seconds: 2 } }',
  '    scm:',
  '      frequency: { seconds: 2 }',
  '      facts:',
  '        - { name: mkdocs, path: mkdocs.yml, type: exists }',
  '        - { name: readme, path: README.md, type: exists }',
  '',
].join('\n');

let portal: RunningPortal;
let browser: TestBrowser;
const pageErrors: string[] = [];

beforeAll(async () => {
  portal = await startPortal(scorecardsConfig);
  browser = await launchBrowser();
  browser.page.on('pageerror', (error) => pageErrors.push(error.message));
  await signInAsGuest(browser.page, portal.url);
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Opens `path` until `target` shows: the first evaluation runs in the background after start. */
async function openUntilShown(page: Page, path: string, target: () => Locator): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.goto(`${portal.url}${path}`);
    const shown = await target()
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    if (Date.now() > deadline) throw new Error(`${path} did not show ${target()} within 60 s`);
  }
}

async function pickEntity(page: Page, text: string, ref: string) {
  await page.getByLabel('Entities to try').fill(text);
  await page.getByRole('option', { name: ref }).click();
}

describe('scorecards in the browser', () => {
  it('shows the Basic Health track by team and the example campaign on the overview', async () => {
    const { page } = browser;
    const heatmap = () => page.getByRole('table', { name: 'Certification by track and team' });
    await openUntilShown(page, '/scorecards', heatmap);
    await heatmap().getByRole('columnheader', { name: 'Basic Health' }).waitFor();
    await heatmap().getByRole('rowheader', { name: 'team-storefront' }).waitFor();
    const campaign = page.getByRole('article', { name: 'Campaign Docs for every production service' });
    await campaign.getByRole('img', { name: /burn-down/ }).waitFor();
    expect(await campaign.textContent()).toContain('2026-10-01 → 2026-12-31');
    await screenshot(page, 'scorecards-overview');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it("shows storefront-web's levels and its approved coverage exemption, also in the approvers' queue", async () => {
    const { page } = browser;
    const track = () => page.getByRole('region', { name: 'Track Basic Health' });
    await openUntilShown(page, '/catalog/default/component/storefront-web/scorecards', track);
    const coverage = track().getByRole('button', { name: /^Exempt Test coverage at least 80%$/ });
    await coverage.click();
    await track()
      .getByText(/Exemption approved: “UI tests run in the visual-regression suite/)
      .waitFor();
    await screenshot(page, 'scorecards-entity-tab');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${portal.url}/scorecards/exemptions`);
    await page.getByRole('tab', { name: 'Approved' }).click();
    const approved = page.getByRole('table', { name: 'Approved exemptions' });
    await approved.getByRole('link', { name: 'component:storefront-web' }).waitFor();
    expect(await approved.textContent()).toContain('2027-03-31');
  }, 120_000);

  it('creates and edits a check in the no-code editor, dry-running it against the example components', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/scorecards/checks/new`);
    const form = page.getByRole('form', { name: 'Check' });
    await form.getByLabel('Id').fill('storefront-owned');
    await form.getByLabel('Name').fill('Owned by the storefront team');
    await form.getByLabel('Path').fill('$.spec.owner');
    await form.getByRole('combobox', { name: 'Operator' }).click();
    await page.getByRole('option', { name: 'equal', exact: true }).click();
    await form.getByLabel('Value').fill('team-storefront');
    await pickEntity(page, 'storefront', 'component:default/storefront-web');
    await pickEntity(page, 'payments', 'component:default/payments-service');
    const results = page.getByRole('table', { name: 'Dry-run results' });
    const stateOf = (name: string) => results.getByRole('row').filter({ hasText: name });
    await stateOf('storefront-web').getByText('Passed').waitFor();
    await stateOf('payments-service').getByText('Failed').waitFor();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/scorecards\/checks\/storefront-owned$/);

    await form.getByLabel('Value').fill('team-checkout');
    await pickEntity(page, 'storefront', 'component:default/storefront-web');
    await pickEntity(page, 'payments', 'component:default/payments-service');
    await stateOf('payments-service').getByText('Passed').waitFor();
    await stateOf('storefront-web').getByText('Failed').waitFor();
    await screenshot(page, 'scorecards-check-editor');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.reload();
    await expect.poll(() => form.getByLabel('Value').inputValue(), { timeout: 15_000 }).toBe('team-checkout');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('opens the file-sourced Basic Health track read-only and the campaign editor, both accessible', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/scorecards/tracks`);
    await page.getByRole('table', { name: 'Tracks' }).getByRole('link', { name: 'Basic Health' }).click();
    await page.getByText(/defined in a file in git/).waitFor();
    expect(await page.getByRole('alert').locator('code').textContent()).toMatch(
      /examples\/scorecards\/basic-health\.yaml$/,
    );
    expect(await page.getByRole('group', { name: 'Level 3' }).getByLabel('Level name').inputValue()).toBe(
      'Gold',
    );
    await page.getByRole('button', { name: 'Export YAML' }).click();
    await page
      .getByRole('dialog', { name: 'basic-health as YAML' })
      .getByText(/name: Basic Health/)
      .waitFor();
    await screenshot(page, 'scorecards-track-read-only');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${portal.url}/scorecards/campaigns/new`);
    await page.getByRole('form', { name: 'Campaign' }).getByRole('button', { name: 'Add milestone' }).click();
    await screenshot(page, 'scorecards-campaign-editor');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);
});
