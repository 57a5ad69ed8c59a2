import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GeneratedPlugin,
  generatePlugin,
} from '../plugins/plugins/src/backend/__fixtures__/plugin-package.js';
import {
  startTestRegistry,
  type TestRegistry,
} from '../plugins/plugins/src/backend/__fixtures__/verdaccio.js';
import { accessibilityViolations, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { signInAsGuest } from './support/sign-in.js';
import { type RunningPortal, startPortal } from './support/start-portal.js';

// A plugin made by `atrium new plugin`, built by `atrium plugin build` and published to a real
// registry (verdaccio on loopback); an admin installs, upgrades, rolls back and disables it in
// the UI of a running portal, which is never restarted and whose open tab is never reloaded.
const id = 'zz-radar-ui';
const title = 'Zz Radar Ui';
const packageName = `@acme/${id}`;
const wait = { timeout: 30_000 };
const packages = mkdtempSync(join(tmpdir(), 'atrium-e2e-plugins-'));

let registry: TestRegistry;
let plugin: GeneratedPlugin;
let portal: RunningPortal;
let browser: TestBrowser;

/** v2 answers with a marked message, so the page shows which version serves. */
function markV2(dir: string) {
  const file = join(dir, 'src/backend/plugin.ts');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      "items: await db.selectFrom('greetings').selectAll().orderBy('id').execute()",
      "items: (await db.selectFrom('greetings').selectAll().orderBy('id').execute()).map((g) => ({ ...g, message: g.message + ' (v2)' }))",
    ),
  );
}

/** The plugin's route called from the page, with the signed-in user's token. */
function callRoute(page: Page) {
  return page.evaluate(async (route) => {
    const { token } = JSON.parse(sessionStorage.getItem('atrium.session') ?? '{}') as { token?: string };
    const response = await fetch(route, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }, `/api/${id}/greetings`);
}

async function installFromRegistry(page: Page, version: string) {
  await page.getByRole('button', { name: 'Install plugin' }).click();
  const dialog = page.getByRole('dialog', { name: 'Install a plugin' });
  await dialog.getByRole('textbox', { name: 'Package name' }).fill(packageName);
  await dialog.getByRole('textbox', { name: 'Version' }).fill(version);
  await dialog.getByRole('button', { name: 'Install and review' }).click();
  const review = page.getByRole('dialog', { name: `Review ${id} ${version}` });
  await review.waitFor(wait);
  return review;
}

// `includeHidden`: an open dialog hides the page behind it from the accessibility tree.
const installedRow = (page: Page) =>
  page
    .getByRole('table', { name: 'Installed plugins', includeHidden: true })
    .getByRole('row', { includeHidden: true })
    .filter({ hasText: packageName });

/**
 * Clicks a button of the Manage dialog, opening it first. Every change of the frontend state
 * rebuilds the open app (the live app renders a new tree), which closes the dialog: a click
 * that lost its dialog that way is tried again on a fresh one.
 */
async function clickInManage(page: Page, button: string) {
  const manage = page.getByRole('dialog', { name: `Manage ${id}` });
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await manage.isVisible())) {
        await installedRow(page)
          .getByRole('button', { name: `Manage ${id}`, includeHidden: true })
          .click();
      }
      await manage.getByRole('button', { name: button }).click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}

beforeAll(async () => {
  registry = await startTestRegistry();
  plugin = generatePlugin(id);
  plugin.release('1.0.0');
  await registry.publish(plugin.dir);
  portal = await startPortal(
    [
      // The registry is read through the URL reader, so its host must be on the allow-list.
      'backend:',
      `  reading: { allow: [{ host: ${JSON.stringify(new URL(registry.url).host)} }] }`,
      'plugins:',
      `  directory: ${JSON.stringify(packages)}`,
      `  registry: { url: ${JSON.stringify(registry.url)}, token: ${JSON.stringify(registry.token)} }`,
      '',
    ].join('\n'),
  );
  browser = await launchBrowser();
  await signInAsGuest(browser.page, portal.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await registry?.stop();
  plugin?.cleanup();
  rmSync(packages, { recursive: true, force: true });
});

describe('the plugins admin page in a running portal', () => {
  it('installs from the registry, reviews, enables, upgrades, rolls back and disables, live in the open app', async () => {
    const { page } = browser;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Plugins' }).click();
    await page.getByRole('heading', { name: 'Plugins', level: 1 }).waitFor(wait);
    // A reload would drop this mark: the app must change in place.
    await page.evaluate(() => {
      (window as unknown as { liveMark: number }).liveMark = 42;
    });
    expect(await nav.getByRole('link', { name: title }).count()).toBe(0);

    const review = await installFromRegistry(page, '1.0.0');
    const declared = review.getByLabel(`Declarations of ${packageName}@1.0.0`);
    await expect.poll(() => declared.textContent()).toContain(`/api/${id}`);
    expect(await declared.textContent()).toMatch(/Migrationsyes.*Integritysha512-/);
    await screenshot(page, 'plugins-admin-review');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect((await callRoute(page)).status).toBe(404); // reviewed, not enabled: none of its code ran
    await review.getByRole('button', { name: 'Enable 1.0.0' }).click();
    await installedRow(page).filter({ hasText: 'serving 1.0.0' }).waitFor(wait);
    expect(await callRoute(page)).toEqual({
      status: 200,
      body: { items: [{ id: 1, message: `Hello from ${title}` }] },
    });

    // Its nav entry and page arrive in the open tab, pushed by the portal.
    await nav.getByRole('link', { name: title }).click(wait);
    await page.getByText(`Hello from ${title}`).waitFor(wait);
    await screenshot(page, 'plugins-admin-installed-page');

    plugin.release('2.0.0', markV2);
    await registry.publish(plugin.dir);
    await nav.getByRole('link', { name: 'Plugins' }).click();
    const upgrade = await installFromRegistry(page, '2.0.0');
    await upgrade.getByRole('button', { name: 'Upgrade to 2.0.0' }).click();
    await installedRow(page).filter({ hasText: 'serving 2.0.0' }).waitFor(wait);
    await screenshot(page, 'plugins-admin-upgraded');
    expect(await accessibilityViolations(page)).toEqual([]);
    await nav.getByRole('link', { name: title }).click();
    await page.getByText(`Hello from ${title} (v2)`).waitFor(wait);

    await nav.getByRole('link', { name: 'Plugins' }).click();
    await clickInManage(page, 'Roll back to 1.0.0');
    await installedRow(page).filter({ hasText: 'serving 1.0.0' }).waitFor(wait);
    expect((await callRoute(page)).body).toEqual({ items: [{ id: 1, message: `Hello from ${title}` }] });

    await clickInManage(page, 'Disable');
    await installedRow(page).filter({ hasText: 'disabled' }).waitFor(wait);
    await nav.getByRole('link', { name: title }).waitFor({ state: 'detached', ...wait });
    const disabled = await callRoute(page);
    expect(disabled.status).toBe(404);
    expect(disabled.body).toMatchObject({ error: { code: 'PLUGIN_DISABLED' } });
    await page
      .getByRole('table', { name: 'Plugin history', includeHidden: true })
      .getByRole('row', { includeHidden: true })
      .filter({ hasText: 'disable' })
      .first()
      .waitFor(wait);
    await screenshot(page, 'plugins-admin-disabled');
    expect(await page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(42);
    expect(browser.cspViolations).toEqual([]);
  }, 240_000);
});
