import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createApp } from '../src/index.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
let server;
let baseUrl;

before(async () => {
  server = createApp();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

test('answers the health check', async () => {
  const response = await fetch(`${baseUrl}/healthz`);
  assert.equal(response.status, 200);
  assert.equal(await response.text(), 'ok');
});

test('describes itself at /', async () => {
  const body = await (await fetch(`${baseUrl}/`)).json();
  assert.deepEqual(body, { service: manifest.name, status: 'running' });
});

test('answers 404 for unknown paths', async () => {
  assert.equal((await fetch(`${baseUrl}/nope`)).status, 404);
});
