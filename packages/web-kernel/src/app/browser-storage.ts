/**
 * A Web Storage area, or undefined where the browser blocks it (some privacy modes throw
 * on mere access) or outside a browser.
 *
 * @example
 * const storage = browserStorage('sessionStorage');
 */
export function browserStorage(name: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return globalThis[name] ?? undefined;
  } catch {
    return undefined;
  }
}
