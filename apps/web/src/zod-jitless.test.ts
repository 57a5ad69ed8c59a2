import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';

const realFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = realFunction;
});

describe('public/zod-jitless.js', () => {
  it('is loaded before the app modules by index.html', () => {
    const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
    expect(html.indexOf('<script src="/zod-jitless.js">')).toBeGreaterThan(0);
    expect(html.indexOf('<script src="/zod-jitless.js">')).toBeLessThan(html.indexOf('type="module"'));
  });

  it('keeps zod from probing eval, which the CSP forbids', async () => {
    runInThisContext(readFileSync(new URL('../public/zod-jitless.js', import.meta.url), 'utf8'));
    let probes = 0;
    globalThis.Function = function probed() {
      probes++;
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
    } as unknown as FunctionConstructor;
    // zod reads its config from the global the script sets; a zod that stops doing so fails here.
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);
    expect(z.object({ name: z.string() }).parse({ name: 'x' })).toEqual({ name: 'x' });
    expect(probes).toBe(0);
  });
});
