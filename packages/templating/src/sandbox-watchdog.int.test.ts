// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is the template syntax under test.
import { execFileSync } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { createTemplater } from './index.js';

// vm time limits stop runaway templates; this covers the last line of defence, a sandbox
// process that stops answering altogether (simulated by freezing it with SIGSTOP).
const templater = createTemplater({ timeoutMs: 100 });
afterAll(() => templater.close());

function sandboxPids(): number[] {
  const listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
    encoding: 'utf8',
  });
  return listing
    .split('\n')
    .filter((line) => line.includes('sandbox-process.js'))
    .map((line) => Number.parseInt(line.trim(), 10));
}

it.skipIf(process.platform !== 'linux')('kills a hung sandbox process and starts a fresh one', async () => {
  expect(await templater.renderString('${{ "warm" }}', {})).toBe('warm');
  const [pid] = sandboxPids();
  expect(pid).toBeGreaterThan(0);
  process.kill(pid!, 'SIGSTOP');

  await expect(templater.renderString('${{ "hung" }}', {})).rejects.toMatchObject({
    code: 'TEMPLATING_TIMEOUT',
    message: expect.stringContaining('the sandbox was restarted'),
  });
  expect(await templater.renderString('${{ "fresh" }}', {})).toBe('fresh');
  expect(sandboxPids()).not.toContain(pid);
});
