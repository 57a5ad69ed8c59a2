import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, screenshot } from './support/browser.js';
import { usePortalAndBrowser } from './support/portal-and-browser.js';

const gitRoot = mkdtempSync(join(tmpdir(), 'atrium-e2e-git-'));
const serviceName = `e2e-svc-${process.pid}`;

// The example templates publish to `${gitBase}/<name>.git`; here that is a throwaway folder.
const env = usePortalAndBrowser({
  config: [
    // The examples are readable as folders of catalog.locations; published repositories
    // are registered from gitRoot.
    'catalog:',
    `  allowedFileRoots: [${JSON.stringify(gitRoot)}]`,
    'scaffolder:',
    '  git:',
    `    allowedRemotes: ['file://${gitRoot}/*.git']`,
    '  defaultEnvironment:',
    '    parameters:',
    `      gitBase: file://${gitRoot}`,
    '',
  ].join('\n'),
  signIn: 'guest',
});
afterAll(() => rmSync(gitRoot, { recursive: true, force: true }));

describe('software templates in the browser', () => {
  it('runs the Node.js service template end to end', async () => {
    const { page } = env.browser;
    await page.goto(`${env.portal.url}/create`);
    const card = page.getByRole('article', { name: 'Node.js service' });
    await card.waitFor({ timeout: 30_000 });
    await screenshot(page, 'template-gallery');
    expect(await accessibilityViolations(page)).toEqual([]);
    await card.getByRole('link', { name: 'Choose Node.js service' }).click();

    await page.getByRole('heading', { name: 'About the service' }).waitFor();
    await page.getByRole('textbox', { name: /^Name/ }).fill(serviceName);
    const owner = page.getByRole('combobox', { name: /Owner/ });
    await owner.fill('team-checkout');
    await page
      .getByRole('option', { name: /team-checkout/i })
      .first()
      .click();
    await screenshot(page, 'template-form');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Runtime' }).waitFor();
    await page.getByRole('button', { name: 'Review' }).click();
    const review = page.getByRole('table', { name: 'Values to submit' });
    await review.waitFor();
    expect(await review.getByRole('row', { name: `Name ${serviceName}` }).count()).toBe(1);
    // The picker shows the group's title and stores its ref.
    expect(await review.getByRole('row', { name: 'Owner group:default/team-checkout' }).count()).toBe(1);
    await screenshot(page, 'template-review');
    await page.getByRole('button', { name: /^Create/ }).click();

    await page.getByRole('heading', { name: /Run of Node\.js service/ }).waitFor();
    await page.getByRole('log').first().waitFor();
    const catalogLink = page.getByRole('link', { name: 'Open in catalog' });
    await catalogLink.waitFor({ timeout: 60_000 });
    await screenshot(page, 'task-completed');
    expect(await page.getByText(/Beginning step Render the skeleton/).count()).toBeGreaterThan(0);

    // The pushed repository holds the rendered skeleton.
    const checkout = mkdtempSync(join(tmpdir(), 'atrium-e2e-clone-'));
    execFileSync('git', ['clone', '--quiet', `file://${gitRoot}/${serviceName}.git`, checkout]);
    expect(JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')).name).toBe(serviceName);
    // The skeleton quotes what it interpolates (dump), and it stays one document.
    const descriptor = readFileSync(join(checkout, 'catalog-info.yaml'), 'utf8');
    expect(descriptor).toContain(`name: "${serviceName}"`);
    expect(descriptor).not.toMatch(/^---/m);
    rmSync(checkout, { recursive: true, force: true });

    // And the new component is in the catalog.
    await catalogLink.click();
    await page.getByRole('heading', { level: 1, name: serviceName }).waitFor({ timeout: 30_000 });
    await page.getByRole('region', { name: 'About' }).waitFor();
    await screenshot(page, 'created-component');
    // The template form validated and the task page streamed without eval or inline script.
    expect(env.browser.cspViolations).toEqual([]);
  });

  it('stores the ref of an owner picked with the keyboard, not the title it shows', async () => {
    const { page } = env.browser;
    await page.goto(`${env.portal.url}/create/templates/default/node-service`);
    await page.getByRole('heading', { name: 'About the service' }).waitFor({ timeout: 30_000 });
    const owner = page.getByRole('combobox', { name: /Owner/ });
    await owner.fill('team-devex');
    // The search has narrowed the list once the first option is the typed one.
    await page
      .getByRole('option')
      .first()
      .filter({ hasText: /Developer Experience/ })
      .waitFor();
    await owner.press('ArrowDown');
    await owner.press('Enter');
    // Leaving the field hands the shown title back to the picker.
    await owner.press('Tab');
    await page.getByRole('textbox', { name: /^Name/ }).fill(`${serviceName}-kb`);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Runtime' }).waitFor();
    await page.getByRole('button', { name: 'Review' }).click();
    const review = page.getByRole('table', { name: 'Values to submit' });
    await review.waitFor();
    expect(await review.getByRole('row', { name: 'Owner group:default/team-devex' }).count()).toBe(1);
  });
});
