import type { Page } from 'playwright-core';

/** Signs in through the guest provider on the sign-in page and waits for the app shell. */
export async function signInAsGuest(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /guest/i }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}
