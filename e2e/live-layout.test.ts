import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.js';
import { usePortalAndBrowser } from './support/portal-and-browser.js';
import { signInAsGuest } from './support/sign-in.js';

const env = usePortalAndBrowser({ signIn: 'guest' });

describe('portal layout in the UI, applied live', () => {
  it('hides an entity tab and reorders the nav in the admin UI; another open tab follows without a reload', async () => {
    // The viewer: an entity page, marked so that a reload would show (the mark would be gone).
    const viewer = env.browser.page;
    await viewer.goto(`${env.portal.url}/catalog/default/component/cart-service`);
    await viewer.getByRole('tab', { name: 'Dependencies' }).waitFor({ timeout: 30_000 });
    await viewer.evaluate(() => {
      (window as unknown as { liveMark: number }).liveMark = 42;
    });
    const nav = viewer.getByRole('navigation', { name: 'Main' });
    const navLinks = () => nav.getByRole('link').allTextContents();
    const before = await navLinks();
    expect(before[0]).not.toBe('Catalog');

    // The editor, in a second tab of the same env.browser.
    const editor = await env.browser.context.newPage();
    // Each tab signs in on its own (the session lives in the tab).
    await signInAsGuest(editor, env.portal.url);
    await editor.goto(`${env.portal.url}/admin/layout`);
    await editor.getByRole('heading', { name: 'Portal layout' }).waitFor({ timeout: 30_000 });
    await editor.getByRole('switch', { name: 'Enable entity-tab:catalog/dependencies' }).click();
    // Move the catalog page to the top of the pages: its nav link comes first.
    const moveUp = editor.getByRole('button', { name: 'Move page:catalog up' });
    while (await moveUp.isEnabled()) await moveUp.click();
    // The draft is the editor's alone: the viewer still shows the tab.
    expect(await viewer.getByRole('tab', { name: 'Dependencies' }).count()).toBe(1);
    await screenshot(editor, 'layout-admin');
    await editor.getByRole('button', { name: 'Save' }).click();
    // The editor's own app applies the new state too (and reloads the saved layout).
    await editor.getByText(/Revision 1, saved by user:development\/guest/).waitFor({ timeout: 15_000 });

    await viewer.getByRole('tab', { name: 'Dependencies' }).waitFor({ state: 'detached', timeout: 15_000 });
    await viewer.getByRole('tab', { name: 'Overview' }).waitFor();
    await expect.poll(async () => (await navLinks())[0]).toBe('Catalog');
    expect((await navLinks()).length).toBe(before.length);
    expect(await viewer.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(42);
    expect(viewer.url()).toBe(`${env.portal.url}/catalog/default/component/cart-service`);
    await screenshot(viewer, 'layout-applied-live');

    // Reset to base brings the tab back, live again.
    await editor.getByRole('button', { name: 'Reset to base' }).click();
    await viewer.getByRole('tab', { name: 'Dependencies' }).waitFor({ timeout: 15_000 });
    expect(await viewer.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(42);
    await editor.close();
  });
});
