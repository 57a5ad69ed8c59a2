import './__fixtures__/dom-globals.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestBackend } from '@atrium/test-kit';
import { createApp } from '@atrium/web-kernel';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAdminPageBackend } from '../backend/__fixtures__/admin-page-backend.js';
import { type GeneratedPlugin, generatePlugin } from '../backend/__fixtures__/plugin-package.js';
import { pluginsWebPlugin } from './plugin.js';

const id = 'zz-admin-ui';
const wait = { timeout: 15_000 };

// The generated plugin, given a config schema its route uses, so the review shows a config
// key and the enable form is generated from the schema.
function withGreetingConfig(dir: string) {
  const file = join(dir, 'src/backend/plugin.ts');
  const code = readFileSync(file, 'utf8')
    .replace(
      "import { coreServices, definePlugin } from '@atrium/kernel';",
      (m) => `${m}\nimport { z } from 'zod';`,
    )
    .replace(
      'deps: { http:',
      "config: z.object({ greeting: z.string().min(3).describe('Prefix of every greeting') }),\n  deps: { http:",
    )
    .replace('async init({ deps }) {', 'async init({ deps, config }) {')
    .replace(
      "items: await db.selectFrom('greetings').selectAll().orderBy('id').execute()",
      "items: (await db.selectFrom('greetings').selectAll().orderBy('id').execute()).map((g) => ({ ...g, message: config.greeting + ': ' + g.message }))",
    );
  writeFileSync(file, code);
}

describe('the plugins admin page', () => {
  let backend: TestBackend;
  let plugin: GeneratedPlugin;
  let mismatched: Buffer;
  const packages = mkdtempSync(join(tmpdir(), 'atrium-plugins-ui-'));
  const requests: string[] = [];
  const answered: string[] = [];

  // The app under test has no sign-in: this fetch adds the chosen user's token.
  async function signInAs(user: string) {
    const token = await backend.userToken(user);
    const forward = globalThis.fetch.bind(globalThis);
    vi.stubGlobal('fetch', (input: string | URL | Request, init: RequestInit = {}) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const request = `${init.method ?? 'GET'} ${new URL(url).pathname}`;
      requests.push(request);
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return forward(url, { ...init, headers }).finally(() => answered.push(request));
    });
  }

  function renderApp(path: string) {
    const app = createApp({
      features: [pluginsWebPlugin],
      config: { backend: { baseUrl: window.location.origin } },
      initialEntries: [path],
    });
    render(app.createRoot());
  }

  const greetings = async () => {
    const response = await backend.fetch(`/api/${id}/greetings`, {
      token: await backend.userToken('user:default/admin'),
    });
    return { status: response.status, body: await response.json() };
  };

  // `hidden`: an open dialog hides the page behind it from the accessibility tree.
  const row = async () => {
    const table = await screen.findByRole('table', { name: 'Installed plugins', hidden: true }, wait);
    return within(table).findByRole('row', { name: new RegExp(`^${id} `), hidden: true }, wait);
  };

  async function installFromFolder(version: string) {
    fireEvent.click(await screen.findByRole('button', { name: 'Install plugin' }, wait));
    const dialog = await screen.findByRole('dialog', { name: 'Install a plugin' });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Folder' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Folder path' }), {
      target: { value: plugin.dir },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Install and review' }));
    return screen.findByRole('dialog', { name: `Review ${id} ${version}` }, wait);
  }

  beforeAll(async () => {
    plugin = generatePlugin(id);
    plugin.release('1.0.0', withGreetingConfig);
    const manifest = readFileSync(join(plugin.dir, 'package.json'), 'utf8');
    const parsed = JSON.parse(manifest);
    writeFileSync(
      join(plugin.dir, 'package.json'),
      JSON.stringify({ ...parsed, atrium: { ...parsed.atrium, hostApi: '^9.0.0' } }),
    );
    mismatched = plugin.pack();
    writeFileSync(join(plugin.dir, 'package.json'), manifest);
    backend = await startAdminPageBackend({ directory: packages, allowedRoots: [plugin.dir] });
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(backend.url);
    // Compile the page's chunk before the first test's waits start.
    await import('./page/plugins-admin-page.js');
  }, 180_000);
  afterEach(async () => {
    // A request still open would render its answer after the test: let every one finish.
    await waitFor(() => expect(answered).toHaveLength(requests.length), wait);
    cleanup();
    vi.unstubAllGlobals();
    requests.length = 0;
    answered.length = 0;
  });
  afterAll(async () => {
    await backend?.stop();
    plugin?.cleanup();
    rmSync(packages, { recursive: true, force: true });
  });

  it('shows the API refusal of an upload whose host API range does not match', async () => {
    await signInAs('user:default/admin');
    renderApp('/admin/plugins');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const admin = await within(nav).findByRole('list', { name: 'Administration' }, wait);
    expect(within(admin).getByRole('link', { name: 'Plugins' }).getAttribute('href')).toBe('/admin/plugins');
    await screen.findByText('No plugins installed', undefined, wait);
    fireEvent.click(await screen.findByRole('button', { name: 'Install plugin' }, wait));
    const dialog = await screen.findByRole('dialog', { name: 'Install a plugin' });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Upload' }));
    const file = new File([new Uint8Array(mismatched)], `${id}-1.0.0.tgz`, { type: 'application/gzip' });
    fireEvent.change(within(dialog).getByLabelText('Package tarball'), { target: { files: [file] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Install and review' }));
    const alert = await within(dialog).findByRole('alert', undefined, wait);
    expect(alert.textContent).toMatch(
      /\(400\): .*needs host API \^9\.0\.0 .*refused before any of its code ran/,
    );
    expect(requests).toContain('POST /api/plugins/install');
  });

  it('installs from a folder, reviews, validates the config form, enables, upgrades and rolls back', async () => {
    await signInAs('user:default/admin');
    renderApp('/admin/plugins');
    const review = await installFromFolder('1.0.0');
    const list = within(review).getByLabelText(`Declarations of @acme/${id}@1.0.0`);
    expect(list.textContent).toContain(`/api/${id}`);
    expect(list.textContent).toContain('greeting (string)');
    expect(list.textContent).toMatch(/Migrationsyes/);
    expect(list.textContent).toMatch(/Host APIneeds \^0\.1\.\d+; this portal is 0\.1\.\d+/);
    expect((await greetings()).status).toBe(404); // reviewed, not enabled: none of its code ran

    // The browser validates against the schema before anything is sent.
    const field = within(review).getByRole('textbox', { name: /greeting/ });
    fireEvent.change(field, { target: { value: 'x' } });
    fireEvent.click(within(review).getByRole('button', { name: 'Enable 1.0.0' }));
    await within(review).findByText(/too short \(1 < 3\)/, undefined, wait);
    expect(requests.filter((r) => r.endsWith('/enable'))).toEqual([]);

    fireEvent.change(field, { target: { value: 'Howdy' } });
    fireEvent.click(within(review).getByRole('button', { name: 'Enable 1.0.0' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), wait);
    await waitFor(async () => expect((await row()).textContent).toMatch(/enabled.*serving 1\.0\.0/), wait);
    expect((await greetings()).body.items[0].message).toBe(`Howdy: Hello from Zz Admin Ui`);

    plugin.release('2.0.0', (dir) => {
      const file = join(dir, 'src/backend/plugin.ts');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('message: config.greeting', "message: 'v2 ' + config.greeting"),
      );
    });
    const upgrade = await installFromFolder('2.0.0');
    fireEvent.click(within(upgrade).getByRole('button', { name: 'Upgrade to 2.0.0' }));
    await waitFor(async () => expect((await row()).textContent).toMatch(/serving 2\.0\.0/), wait);
    expect((await greetings()).body.items[0].message).toBe(`v2 Howdy: Hello from Zz Admin Ui`);

    fireEvent.click(within(await row()).getByRole('button', { name: `Manage ${id}`, hidden: true }));
    const manage = await screen.findByRole('dialog', { name: `Manage ${id}` });
    expect(within(manage).getByRole('combobox', { name: 'Version' }).textContent).toBe('1.0.0');
    fireEvent.click(within(manage).getByRole('button', { name: 'Roll back to 1.0.0' }));
    await waitFor(async () => expect((await row()).textContent).toMatch(/serving 1\.0\.0/), wait);
    expect((await greetings()).body.items[0].message).toBe(`Howdy: Hello from Zz Admin Ui`);
  }, 120_000);

  it('saves config, disables and uninstalls after confirming; the history lists every change', async () => {
    await signInAs('user:default/admin');
    renderApp('/admin/plugins');
    fireEvent.click(within(await row()).getByRole('button', { name: `Manage ${id}`, hidden: true }));
    const manage = await screen.findByRole('dialog', { name: `Manage ${id}` });
    const config = within(manage).getByRole('region', { name: 'Configuration' });
    fireEvent.change(within(config).getByRole('textbox', { name: /greeting/ }), { target: { value: 'Hi!' } });
    fireEvent.click(within(config).getByRole('button', { name: 'Save config' }));
    await within(manage).findByText('Config saved.', undefined, wait);
    expect((await greetings()).body.items[0].message).toBe(`Hi!: Hello from Zz Admin Ui`);

    fireEvent.click(within(manage).getByRole('button', { name: 'Disable' }));
    await waitFor(async () => expect((await row()).textContent).toMatch(/disabled/), wait);
    const disabled = await greetings();
    expect(disabled.status).toBe(404);
    expect(disabled.body.error.code).toBe('PLUGIN_DISABLED');

    fireEvent.click(within(manage).getByRole('button', { name: 'Uninstall' }));
    const confirm = await screen.findByRole('dialog', { name: `Uninstall ${id}?` });
    fireEvent.click(within(confirm).getByRole('checkbox', { name: /Also delete its data/ }));
    fireEvent.click(within(confirm).getByRole('button', { name: `Uninstall ${id} and delete its data` }));
    await screen.findByText('No plugins installed', undefined, wait);
    const history = screen.getByRole('table', { name: 'Plugin history', hidden: true });
    await waitFor(() => {
      const actions = within(history)
        .getAllByRole('row', { hidden: true })
        .slice(1)
        .map((r) => r.querySelectorAll('td')[2]?.textContent);
      expect(actions).toEqual([
        'uninstall',
        'disable',
        'configure',
        'rollback',
        'upgrade',
        'install',
        'enable',
        'install',
      ]);
    }, wait);
    expect(within(history).getByText(/uninstalled and purged/, { selector: 'td' })).toBeTruthy();
  }, 60_000);

  it('hides the page from the navigation of a user without plugins.read, whom the API refuses', async () => {
    await signInAs('user:default/mallory');
    renderApp('/admin/plugins');
    // The page itself shows the API's refusal (in each of its tables).
    expect((await screen.findAllByText(/plugins\.read/, undefined, wait)).length).toBeGreaterThan(0);
    // Both access checks (the nav's and the page's) answered, and React rendered their answers.
    await waitFor(
      () => expect(answered.filter((r) => r === 'GET /api/plugins/access')).toHaveLength(2),
      wait,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('button', { name: 'Install plugin' })).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Plugins' })).toBeNull();
  });
});
