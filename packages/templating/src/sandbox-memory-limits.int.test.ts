// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is the template syntax under test.
import { afterAll, describe, expect, it } from 'vitest';
import { createTemplater } from './index.js';

// Integration level: each case makes the sandbox process allocate hundreds of megabytes
// until its heap limit stops it, seconds of work that the unit project should not carry.
describe('sandbox memory limits', () => {
  const templater = createTemplater({ timeoutMs: 5000 });
  afterAll(() => templater.close());

  it('contains a heap overflow in the sandbox process and restarts it', async () => {
    const small = createTemplater({ memoryLimitMb: 32, timeoutMs: 5000 });
    try {
      const template =
        '{% set s = "xxxxxxxxxx" %}{% for i in range(0, 24) %}{% set s = s + s %}{% endfor %}${{ s | upper }}';
      await expect(small.renderString(template, {})).rejects.toMatchObject({
        code: 'TEMPLATING_MEMORY_LIMIT',
        message: expect.stringContaining('memory limit of 32 MB'),
      });
      expect(await small.renderString('after ${{ 1 + 1 }}', {})).toBe('after 2');
    } finally {
      await small.close();
    }
  });

  it('survives one 500 MB allocation, which would abort a worker thread and its host', async () => {
    await expect(
      templater.renderString('${{ "x".repeat(500000000) | upper | length }}', {}),
    ).rejects.toMatchObject({
      code: 'TEMPLATING_MEMORY_LIMIT',
    });
    expect(await templater.renderString('still ${{ "ok" | upper }}', {})).toBe('still OK');
  });
});
