import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, testDatabaseKinds } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import { readTaskRowDirectly, runStatementsDirectly } from '../__fixtures__/db-inspect.js';
import { startScaffolderBackend, templateEntity } from '../__fixtures__/scaffolder-test-backend.js';

const hello = templateEntity('hello', {
  steps: [{ id: 'log', action: 'debug:log', input: { message: 'hi' } }],
});

describe.each(testDatabaseKinds())('migration 0002 on %s', (kind) => {
  it('fills the template ref of tasks created before it from their spec', { timeout: 60_000 }, async () => {
    const database = await createTestDatabase(kind, {
      sqliteDirectory: await mkdtemp(join(tmpdir(), 'atrium-scaffolder-migration-')),
    });
    const fixturesDir = await mkdtemp(join(tmpdir(), 'atrium-scaffolder-migration-fixtures-'));
    const start = () => startScaffolderBackend({ database: database.config, fixturesDir, entities: [hello] });
    try {
      let backend = await start();
      const id = await backend.createTask('template:default/hello');
      await backend.waitForTask(id);
      await backend.stop();
      // The database as a version before 0002 left it.
      await runStatementsDirectly(database, [
        'ALTER TABLE scaffolder_tasks DROP COLUMN template_ref',
        "DELETE FROM atrium_migrations WHERE name = '0002_task_template_ref'",
      ]);
      backend = await start();
      await backend.stop();
      expect((await readTaskRowDirectly(database, id))?.template_ref).toBe('template:default/hello');
    } finally {
      await database.cleanup();
    }
  });
});
