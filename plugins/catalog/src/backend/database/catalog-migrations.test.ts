import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_KINDS, copyFixture, startCatalog, type TestCatalog } from '../__fixtures__/start-catalog.js';

function storedTypes(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT DISTINCT typeof(final_entity) AS t FROM final_entities').all();
    return (rows as { t: string }[]).map((row) => row.t);
  } finally {
    db.close();
  }
}

describe('migration 0002 (served entities as text on SQLite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-catalog-migration-'));
  const fixture = copyFixture('catalog');
  let catalog: TestCatalog | undefined;
  const start = () =>
    startCatalog({
      database: 'sqlite',
      backend: {
        database: { client: 'better-sqlite3', connection: { directory: dataDir } },
      },
      catalog: {
        locations: [{ type: 'file', target: join(fixture, 'domain.yaml') }],
        rules: [{ allow: ALL_KINDS }],
      },
    });
  afterAll(async () => {
    await catalog?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('turns entities stored as bytes by earlier versions into text and still serves them', async () => {
    catalog = await start();
    const served = await catalog.waitFor(async () => {
      const response = await catalog?.get('/entities/by-name/domain/default/commerce');
      return response?.status === 200 ? response.body : undefined;
    });
    await catalog.stop();
    catalog = undefined;

    // Put the database back in the state a pre-0002 catalog left it in.
    const file = join(dataDir, 'catalog.sqlite');
    const db = new Database(file);
    db.prepare('UPDATE final_entities SET final_entity = CAST(final_entity AS BLOB)').run();
    // Later migrations came after 0002: undo them too.
    db.exec('DROP INDEX refresh_state_leased; ALTER TABLE refresh_state DROP COLUMN lease_expires_at');
    db.prepare("DELETE FROM atrium_migrations WHERE name >= '0002_final_entities_as_text'").run();
    db.close();
    expect(storedTypes(file)).toEqual(['blob']);

    catalog = await start();
    expect(storedTypes(file)).toEqual(['text']);
    const again = await catalog.get('/entities/by-name/domain/default/commerce');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(served);
    const page = await catalog.get('/entities/by-query?filter=kind=domain');
    expect(page.body.items).toEqual([served]);
  });
});
