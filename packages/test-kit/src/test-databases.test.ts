import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-databases.js';

describe('createTestDatabase on SQLite', () => {
  it('is in memory by default', async () => {
    const database = await createTestDatabase('sqlite');
    expect(database.config).toEqual({ client: 'better-sqlite3', connection: ':memory:' });
  });

  it.each([
    ['file: true', () => createTestDatabase('sqlite', { file: true })],
    ['the sqlite-file variant', () => createTestDatabase('sqlite-file')],
  ])('with %s, uses a fresh temp folder that cleanup removes', async (_, create) => {
    const first = await create();
    const second = await create();
    const directory = (first.config.connection as { directory: string }).directory;
    expect(first.kind).toBe('sqlite');
    expect(existsSync(directory)).toBe(true);
    expect((second.config.connection as { directory: string }).directory).not.toBe(directory);
    await first.cleanup();
    await second.cleanup();
    expect(existsSync(directory)).toBe(false);
  });
});
