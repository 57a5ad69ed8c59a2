import net from 'node:net';
import pg from 'pg';
import { expect, it } from 'vitest';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from './test-service-urls.js';

// Runs in the unit project, whose setup file installed the guard.
it('refuses PostgreSQL in the unit project and says where the test belongs', async () => {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await expect(client.connect()).rejects.toThrow(
    'the unit test project may not connect to PostgreSQL: a test that needs it is an integration test, name its file *.int.test.ts',
  );
});

it('refuses Redis in the unit project', async () => {
  const url = new URL(TEST_REDIS_URL);
  const socket = net.createConnection({ host: url.hostname, port: Number(url.port || 6379) });
  await expect(
    new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject)),
  ).rejects.toThrow('may not connect to Redis');
});

it('lets other connections through', async () => {
  const server = net.createServer((socket) => socket.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const reply = await new Promise<string>((resolve, reject) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    socket.once('data', (data) => resolve(data.toString())).once('error', reject);
  });
  server.close();
  expect(reply).toBe('ok');
});
