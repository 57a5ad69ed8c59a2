import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBareRepository } from '@atrium/test-kit';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { screenshot } from './support/browser.js';
import { usePortalAndBrowser } from './support/portal-and-browser.js';
import { signInAsGuest } from './support/sign-in.js';
import { repoRoot } from './support/start-portal.js';

const repos = mkdtempSync(join(tmpdir(), 'atrium-e2e-docs-repos-'));

// A real remote whose tags v1.0.0 and v2.0.0 carry different docs; the catalog reads the
// component from main (the default version), techdocs builds the v* tags as versions.
function versionedRepository(): string {
  const path = join(repos, 'versioned.git');
  const page = (text: string) => `# Versioned service\n\n${text}\n`;
  createBareRepository(path, [
    {
      tag: 'v1.0.0',
      files: {
        'catalog-info.yaml': stringify({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'versioned-service', annotations: { 'backstage.io/techdocs-ref': 'dir:.' } },
          spec: { type: 'service', lifecycle: 'production', owner: 'group:default/platform-team' },
        }),
        'mkdocs.yml': 'site_name: Versioned service\nnav:\n  - Home: index.md\n',
        'docs/index.md': page('Release one says hello.'),
      },
    },
    { tag: 'v2.0.0', files: { 'docs/index.md': page('Release two says goodbye.') } },
    { files: { 'docs/index.md': page('Unreleased work on main.') } },
  ]);
  return join(path, 'blob', 'main', 'catalog-info.yaml');
}

/** Reloads the reader until its version switcher offers every one of `names` (built on the queue). */
async function waitForVersions(page: Page, names: string[]): Promise<void> {
  const version = page.getByRole('combobox', { name: 'Version' });
  for (let attempt = 0; ; attempt++) {
    if ((await version.count()) > 0) {
      await version.click();
      const offered = await page.getByRole('option').allTextContents();
      await page.keyboard.press('Escape');
      if (names.every((name) => offered.includes(name))) return;
    }
    if (attempt > 60) throw new Error(`the version switcher never offered ${names.join(', ')}`);
    await page.waitForTimeout(1000);
    await page.reload();
  }
}

const env = usePortalAndBrowser({
  config: () => {
    const location = versionedRepository();
    return stringify({
      catalog: {
        locations: [
          { type: 'file', target: join(repoRoot, 'examples/catalog/all.yaml') },
          { type: 'file', target: join(repoRoot, 'examples/templates/all.yaml') },
          { type: 'file', target: location },
        ],
        // Versions are read at other refs of the repository than the location's, so all of it is readable.
        allowedFileRoots: [join(repoRoot, 'repositories'), repos],
      },
      techdocs: { versions: { tags: 'v*', max: 5 } },
    });
  },
});
afterAll(() => rmSync(repos, { recursive: true, force: true }));

describe('docs', () => {
  it("shows an entity's docs in its Docs tab: nav, TOC, an image, a drawn diagram, page switching", async () => {
    const { page } = env.browser;
    await signInAsGuest(page, `${env.portal.url}/`);
    await page.goto(`${env.portal.url}/catalog/default/component/payments-service/docs`);
    const nav = page.getByRole('navigation', { name: 'Docs navigation' });
    // The example docs are built at startup or on this first visit.
    await nav.getByRole('button', { name: 'Payment flow' }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'At a glance' }).waitFor({ timeout: 60_000 });
    const toc = page.getByRole('navigation', { name: 'On this page' });
    expect(await toc.getByRole('link', { name: 'Architecture' }).count()).toBe(1);
    // The image is loaded with the user's token and shown as a data: URL.
    await page.locator('[data-testid="techdocs-page"] img[src^="data:image/svg+xml"]').waitFor();
    await nav.getByRole('button', { name: 'Payment flow' }).click();
    await page.getByRole('heading', { name: 'Refunds' }).waitFor();
    // mermaid replaced the diagram's text with an SVG.
    await page.locator('pre.mermaid svg').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'techdocs-payment-flow');
    expect(env.browser.cspViolations).toEqual([]);
  });

  it('lists documented entities on the docs index and opens one', async () => {
    const { page } = env.browser;
    await page.goto(`${env.portal.url}/docs`);
    const table = page.getByRole('table', { name: 'Documented entities' });
    await table.getByRole('link', { name: 'Storefront web' }).click();
    await page.waitForURL(/\/docs\/default\/component\/storefront-web$/);
    await page
      .getByRole('navigation', { name: 'Docs navigation' })
      .getByRole('button', { name: 'Releasing' })
      .click();
    await page.waitForURL(/\/docs\/default\/component\/storefront-web\/releasing$/);
    await page.getByText('No production deploys between 20 December and 2 January.').waitFor();
  });

  it("switches between versions built from git tags and shows each version's content", async () => {
    const { page } = env.browser;
    await page.goto(`${env.portal.url}/docs/default/component/versioned-service`);
    // The default build lists the tags; their builds follow on the queue.
    await page.getByText('Unreleased work on main.').waitFor({ timeout: 60_000 });
    const version = page.getByRole('combobox', { name: 'Version' });
    await waitForVersions(page, ['v1.0.0', 'v2.0.0']);
    await version.click();
    await page.getByRole('option', { name: 'v1.0.0' }).click();
    await page.waitForURL(/\/docs\/default\/component\/versioned-service\/index\?version=v1\.0\.0$/);
    await page.getByText('Release one says hello.').waitFor();
    await screenshot(page, 'techdocs-version-v1');
    await version.click();
    await page.getByRole('option', { name: 'v2.0.0' }).click();
    await page.getByText('Release two says goodbye.').waitFor();
    await version.click();
    await page.getByRole('option', { name: 'latest' }).click();
    await page.getByText('Unreleased work on main.').waitFor();
    expect(page.url()).not.toContain('version=');
    expect(env.browser.cspViolations).toEqual([]);
  });
});
