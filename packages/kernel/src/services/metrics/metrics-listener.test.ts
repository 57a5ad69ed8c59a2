import { createServer } from 'node:net';
import { startTestBackend } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('backend.metrics.listen', () => {
  it('serves /metrics without a credential on its own listener, and still guards the main one', async () => {
    const port = await freePort();
    const backend = await startTestBackend({
      features: [],
      config: { backend: { metrics: { listen: { port } } } },
    });
    try {
      const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await scraped.text()).toContain('atrium_process_cpu_user_seconds_total');
      expect((await fetch(`http://127.0.0.1:${port}/api/catalog/entities`)).status).toBe(404);
      expect((await backend.fetch('/metrics')).status).toBe(401);
    } finally {
      await backend.stop();
    }
    // Stopping the backend closes the metrics listener too.
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });

  it('refuses an invalid port with a message naming the key', async () => {
    await expect(
      startTestBackend({ features: [], config: { backend: { metrics: { listen: { port: 70000 } } } } }),
    ).rejects.toThrow(/backend\.metrics\.listen\.port/);
  });
});
