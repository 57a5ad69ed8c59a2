import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.js';
import { usePortalAndBrowser } from './support/portal-and-browser.js';

// The shipped config: rbac installed, the example policy seeded, the guest an RBAC admin.
const env = usePortalAndBrowser({ signIn: 'guest' });

async function cartServiceShown(page: Page): Promise<boolean> {
  await page.goto(`${env.portal.url}/catalog`);
  const table = page.getByRole('table', { name: 'Catalog entities' });
  await table
    .getByRole('link')
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(() => undefined);
  await page
    .getByRole('progressbar')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  return (await table.getByRole('link', { name: /cart service/i }).count()) > 0;
}

async function pick(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByLabel(label).last().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('RBAC in the browser', () => {
  it('an admin adds a deny rule to a role and publishes it; the restricted user then sees fewer entities', async () => {
    const { page } = env.browser;
    expect(await cartServiceShown(page)).toBe(true);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('list', { name: 'Administration' })
      .getByRole('link', { name: 'Access control' })
      .click();
    const roles = page.getByRole('list', { name: 'Roles' });
    await roles.getByText('development-guest').click();
    const editor = page.getByRole('region', { name: 'Role development-guest' });
    await editor.getByRole('button', { name: 'Add rule' }).click();
    const rule = editor.getByRole('listitem').last();
    await rule.getByLabel('Permission').fill('catalog.entity.read');
    await pick(page, rule, 'Effect', 'deny');
    await rule.getByRole('button', { name: 'Add condition' }).click();
    await pick(page, rule, 'Rule', 'IS_ENTITY_KIND');
    await rule.getByLabel('kinds').fill('Component');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Draft saved/).waitFor();

    await page.getByRole('tab', { name: 'Publish' }).click();
    await page.getByRole('list', { name: 'Changes' }).getByText('development-guest').waitFor();
    await screenshot(page, 'rbac-publish');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Version 2 is live.').waitFor();

    expect(await cartServiceShown(page)).toBe(false);
    // Still an admin: the policy can be put back from the history.
    await page.goto(`${env.portal.url}/admin/rbac`);
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('Version 2 (live)').waitFor();
    await page.getByRole('button', { name: 'Restore' }).first().click();
    await page.getByText('Version 3 (live)').waitFor();
    expect(await cartServiceShown(page)).toBe(true);
  }, 120_000);
});
