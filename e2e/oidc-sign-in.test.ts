import { startTestOidcProvider, type TestOidcProvider } from '@atrium/test-kit';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { freePort } from './support/free-port.js';
import { type RunningPortal, startPortal } from './support/start-portal.js';

// The whole OIDC sign-in in Chromium against a real OpenID provider on loopback: the
// popup, landing on the home page as the catalog User whose email matches, a refresh once
// the (five-second) token expires, sign-out, and a refusal for someone the catalog lacks.
let portal: RunningPortal;
let browser: TestBrowser;
let idp: TestOidcProvider;

const marcus = { sub: 'marcus', email: 'marcus.oyelaran@acme-corp.example', name: 'Marcus Oyelaran' };
const stranger = { sub: 'stranger', email: 'stranger@elsewhere.example', name: 'A Stranger' };

beforeAll(async () => {
  const port = await freePort();
  idp = await startTestOidcProvider({
    redirectUris: [`http://127.0.0.1:${port}/api/auth/oidc/handler/frame`],
  });
  const config = [
    'auth:',
    '  session: { expiresInSeconds: 5 }',
    '  providers:',
    '    oidc:',
    '      development:',
    `        metadataUrl: ${idp.metadataUrl}`,
    `        clientId: ${idp.clientId}`,
    `        clientSecret: ${idp.clientSecret}`,
    '        title: Acme SSO',
    // The browser keeps its session at the identity provider; each test signs in someone anew.
    '        prompt: login',
    '        signIn: { resolvers: [{ resolver: emailMatchingUserEntityProfileEmail }] }',
  ].join('\n');
  portal = await startPortal(config, { port });
  await waitForUser(portal.url, 'marcus.oyelaran');
  browser = await launchBrowser();
});

/** The portal is ready before the catalog has read the example org; sign-in needs the User. */
async function waitForUser(url: string, name: string) {
  const guest = await fetch(`${url}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const { token } = ((await guest.json()) as { backstageIdentity: { token: string } }).backstageIdentity;
  const deadline = Date.now() + 60_000;
  while (
    (
      await fetch(`${url}/api/catalog/entities/by-name/user/default/${name}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).status !== 200
  ) {
    if (Date.now() > deadline) throw new Error(`the catalog never served user:default/${name}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await idp?.stop();
});

/** The token the app holds now (the identity API keeps it in sessionStorage). */
const currentToken = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(sessionStorage.getItem('atrium.session') ?? '{}') as { token?: string }).token,
  );

describe('OIDC sign-in in the browser', () => {
  it('signs in through the popup and lands on the home page as the matching User', async () => {
    const { page } = browser;
    idp.signInAs(marcus);
    await page.goto(`${portal.url}/`);
    await page.getByRole('button', { name: 'Sign in with Acme SSO' }).click();
    await page
      .getByRole('heading', { name: 'Welcome, Marcus Oyelaran' })
      .waitFor({ timeout: 20_000 })
      .catch(async (error: unknown) => {
        await screenshot(page, 'oidc-home-failed');
        throw error;
      });
    await screenshot(page, 'oidc-home');
    expect(await page.evaluate(() => window.location.search)).toBe('');
  });

  it('shows the identity and groups on the settings page', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Marcus Oyelaran' }).click();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('User entity ref').textContent()).toBe('user:default/marcus.oyelaran');
    const ownership = (await page.getByLabel('Ownership refs').textContent()) ?? '';
    expect(ownership).toContain('group:default/team-storefront');
    await screenshot(page, 'settings');
  });

  it('refreshes the token with the refresh cookie after it expires, and stays signed in', async () => {
    const { page } = browser;
    const first = await currentToken(page);
    await page.waitForFunction(
      (token) => {
        const stored = JSON.parse(sessionStorage.getItem('atrium.session') ?? '{}') as { token?: string };
        return stored.token !== undefined && stored.token !== token;
      },
      first,
      { timeout: 20_000 },
    );
    await page.waitForTimeout(5_500);
    // The first token has expired by now; the app works with the refreshed one.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Catalog', exact: true })
      .click();
    await page.getByRole('table', { name: 'Catalog entities' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('button', { name: 'Marcus Oyelaran' }).count()).toBe(1);
  });

  it('keeps the session across a reload through the refresh cookie', async () => {
    const { page } = browser;
    await page.reload();
    await page.getByRole('button', { name: 'Marcus Oyelaran' }).waitFor();
  });

  it('signs out: back to the sign-in page, and the refresh cookie no longer works', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Marcus Oyelaran' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with Acme SSO' }).waitFor();
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/auth/oidc/refresh', {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      return response.status;
    });
    expect(status).toBe(401);
  });

  it('refuses someone without a User in the catalog, saying which email found nobody', async () => {
    const { page } = browser;
    idp.signInAs(stranger);
    await page.goto(`${portal.url}/`);
    await page.getByRole('button', { name: 'Sign in with Acme SSO' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      "emailMatchingUserEntityProfileEmail found no User with spec.profile.email 'stranger@elsewhere.example'",
    );
    await screenshot(page, 'oidc-refused');
  });

  it('signs in with a full-page redirect when asked to (?flow=redirect)', async () => {
    const { page } = browser;
    idp.signInAs(marcus);
    await page.goto(`${portal.url}/?flow=redirect`);
    await page.getByRole('button', { name: 'Sign in with Acme SSO' }).click();
    await page.getByRole('heading', { name: 'Welcome, Marcus Oyelaran' }).waitFor();
  });
});
