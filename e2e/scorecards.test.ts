import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { signInAsGuest } from './support/sign-in.js';
import { type RunningPortal, startPortal } from './support/start-portal.js';

let portal: RunningPortal;
let browser: TestBrowser;

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  await signInAsGuest(browser.page, portal.url);
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

// The example "Basic Health" track (examples/scorecards) applies to the example components;
// the portal collects facts and evaluates them shortly after it starts.
const COMPONENT = '/catalog/default/component/payments-service/scorecards';

describe('scorecards in the browser', () => {
  it("shows an example component's Scorecards tab: the track, its levels and each check's state", async () => {
    const { page } = browser;
    await page.goto(`${portal.url}${COMPONENT}`);
    const track = page.getByRole('region', { name: 'Track Basic Health' });
    await track.waitFor({ timeout: 60_000 });
    const levels = track.getByRole('region', { name: /^Level / });
    expect(await levels.count()).toBe(3);
    // Each check shows its state once the first evaluation has run.
    const checks = track.getByRole('button', {
      name: /^Check .+: (Passed|Failed|Warning|Error|Exempt|Not applicable)$/,
    });
    await checks.first().waitFor({ timeout: 60_000 });
    expect(await checks.count()).toBeGreaterThanOrEqual(8);
    await checks.first().click();
    await screenshot(page, 'scorecards-entity-tab');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(browser.cspViolations).toEqual([]);
  });

  it('lists Scorecards in the navigation and draws the overview heatmap, campaign and trends', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/catalog`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scorecards' }).waitFor();
    const heatmap = page.getByRole('table', { name: 'Certification by track and team' });
    await heatmap.waitFor({ timeout: 60_000 });
    expect(await heatmap.getByRole('columnheader', { name: 'Basic Health' }).count()).toBe(1);
    expect(await heatmap.getByRole('row').count()).toBeGreaterThan(1);
    await page
      .getByRole('img', { name: /burn-down/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByRole('img', { name: /Share of passing checks/ }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'scorecards-overview-light');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await heatmap.waitFor({ timeout: 60_000 });
    await page.getByRole('img', { name: /Share of passing checks/ }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'scorecards-overview-dark');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('previews a draft check against a real entity in the no-code editor', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/scorecards/checks/new`);
    const form = page.getByRole('form', { name: 'Check' });
    await form.waitFor({ timeout: 30_000 });
    await form.getByRole('textbox', { name: 'Id' }).fill('e2e-has-owner');
    await form.getByRole('textbox', { name: 'Name' }).fill('Has an owner');
    const preview = page.getByRole('region', { name: 'Dry-run preview' });
    await preview.getByRole('combobox', { name: 'Entities to try' }).fill('payments-service');
    await page.getByRole('option', { name: 'component:default/payments-service' }).click();
    const results = preview.getByRole('table', { name: 'Dry-run results' });
    await results.waitFor({ timeout: 30_000 });
    // The default condition asks whether spec.owner exists, which every example component has.
    await results.getByText('Passed').waitFor({ timeout: 30_000 });
    await screenshot(page, 'scorecards-check-editor');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
