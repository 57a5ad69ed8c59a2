import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { signInAsGuest } from './support/sign-in.js';
import { type RunningPortal, repoRoot, startPortal } from './support/start-portal.js';

// A plugin made the way a user makes one: `atrium new plugin`, then its own `npm run build`,
// in a project of its own (whose node_modules are the repository's, as after npm install).
// The web app is neither edited nor rebuilt: listing the plugin in config is all it takes.
const project = mkdtempSync(join(tmpdir(), 'atrium-e2e-project-'));
const pluginDir = join(project, 'plugins', 'team-radar');
const webIndex = join(repoRoot, 'apps/web/dist/index.html');

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

let portal: RunningPortal;
let browser: TestBrowser;
let webBuiltAt: number;
const pageErrors: string[] = [];

beforeAll(async () => {
  webBuiltAt = statSync(webIndex).mtimeMs;
  symlinkSync(join(repoRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  run(
    process.execPath,
    [join(repoRoot, 'packages/cli/bin/atrium.js'), 'new', 'plugin', 'team-radar'],
    project,
  );
  run('npm', ['run', 'build', '--silent'], pluginDir);
  // The shipped features plus the new plugin: the built web app calls every shipped plugin.
  const shipped = (
    parse(readFileSync(join(repoRoot, 'app-config.yaml'), 'utf8')) as {
      backend: { features: string[] };
    }
  ).backend.features;
  portal = await startPortal(
    [
      'backend:',
      '  features:',
      ...[...shipped, pluginDir].map((feature) => `    - ${JSON.stringify(feature)}`),
      'app:',
      `  features: [${JSON.stringify(pluginDir)}]`,
      '',
    ].join('\n'),
  );
  browser = await launchBrowser();
  browser.page.on('pageerror', (error) => pageErrors.push(error.message));
  browser.page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await signInAsGuest(browser.page, portal.url);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  rmSync(project, { recursive: true, force: true });
});

describe('frontend features from app.features', () => {
  it("shows a generated plugin's nav item and page, served from its own bundle", async () => {
    const { page } = browser;
    const bundles: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/assets/features/')) bundles.push(response.url());
    });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Team Radar' }).click();
    await page.waitForURL(/\/team-radar$/);
    await page.getByRole('heading', { name: 'Team Radar', level: 1 }).waitFor();
    // The page calls the plugin's own API, which its backend feature serves.
    await page.getByText('Hello from Team Radar').waitFor();
    await screenshot(page, 'frontend-feature');
    expect(bundles.length).toBeGreaterThan(0);
  });

  it('has the page on the first render of a fresh load, before any navigation', async () => {
    const { page } = browser;
    await page.goto(`${portal.url}/team-radar`);
    await page.getByText('Hello from Team Radar').waitFor();
    expect(await page.getByText(/not found/i).count()).toBe(0);
  });

  it('runs under the unchanged Content-Security-Policy, without errors, and without rebuilding the web app', async () => {
    const response = await browser.page.goto(`${portal.url}/team-radar`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
    await browser.page.getByText('Hello from Team Radar').waitFor();
    expect(browser.cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(statSync(webIndex).mtimeMs).toBe(webBuiltAt);
  });
});
