import { describe, expect, it } from 'vitest';
import { accessibilityViolations, screenshot } from './support/browser.js';
import { usePortalAndBrowser } from './support/portal-and-browser.js';
import { signInAsGuest } from './support/sign-in.js';

const env = usePortalAndBrowser();

describe('search', () => {
  it('finds an example entity from the top-bar search box and opens it', async () => {
    const { page } = env.browser;
    await signInAsGuest(page, `${env.portal.url}/`);
    // The catalog ingests the examples and search indexes them in the background: reopen
    // (after a reload, so no answer is cached) until the typeahead has the entity (the
    // entity, not its docs page of the same title).
    let option = page.getByRole('dialog').getByRole('button', { name: /Payments service\s*Component/ });
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.getByRole('button', { name: 'Search' }).waitFor();
      await page.keyboard.press('Control+k');
      await page.getByRole('dialog').getByLabel('Search term').fill('payments serv');
      if (
        await option.waitFor({ timeout: 3000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      await page.reload();
    }
    option = page.getByRole('dialog').getByRole('button', { name: /Payments service\s*Component/ });
    await screenshot(page, 'search-modal');
    expect(await accessibilityViolations(page)).toEqual([]);
    await option.click();
    await page.waitForURL(/\/catalog\/default\/component\/payments-service$/);
    await page
      .getByRole('heading', { name: /Payments service/ })
      .first()
      .waitFor();
    expect(env.browser.cspViolations).toEqual([]);
  });

  it('shows highlighted results on the search page and filters them by kind', async () => {
    const { page } = env.browser;
    await page.goto(`${env.portal.url}/search?term=payments&kind=api`);
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByRole('link', { name: /Payments API/ }).waitFor();
    expect(await results.locator('mark').first().textContent()).toMatch(/payments/i);
    expect(await results.getByRole('link', { name: /Payments service/ }).count()).toBe(0);
  });

  it("labels the modal's groups as the renderers do and opens a template at its run page", async () => {
    const { page } = env.browser;
    await page.goto(`${env.portal.url}/`);
    await page.getByRole('button', { name: 'Search' }).waitFor();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Search term').fill('node');
    await dialog.getByText('Software Templates', { exact: true }).waitFor();
    expect(await dialog.getByText('software-template', { exact: true }).count()).toBe(0);
    await screenshot(page, 'search-modal-templates');
    await page.keyboard.press('Escape');
    await page.goto(`${env.portal.url}/search?term=node&type=software-template`);
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByText('Software template', { exact: true }).first().waitFor();
    await screenshot(page, 'search-page-templates');
    await results.getByRole('link', { name: /Node\.js service/ }).click();
    await page.waitForURL(/\/create\/templates\/default\/node-service$/);
  });
});
