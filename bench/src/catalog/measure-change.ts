import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseAllDocuments } from 'yaml';
import type { CatalogHttp, ServedEntity } from './catalog-http.js';
import type { EditableEntity } from './generate-catalog.js';

/**
 * Rewrites one entity's `metadata.description` in a multi-document YAML file, leaving the
 * other documents as they were (as an engineer editing one catalog-info.yaml would).
 *
 * @example
 * editDescription('/tmp/catalog/systems/x.yaml', 'payments-gateway-12', 'changed at 12:00');
 */
export function editDescription(file: string, name: string, description: string): void {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const target = docs.find((doc) => doc.getIn(['metadata', 'name']) === name);
  if (!target) throw new Error(`no entity named '${name}' in ${file}`);
  target.setIn(['metadata', 'description'], description);
  writeFileSync(file, docs.map((doc) => doc.toString({ lineWidth: 0 })).join(''));
}

async function waitForDescription(
  http: CatalogHttp,
  name: string,
  description: string,
  options: { pollMs: number; timeoutMs: number; since: number },
): Promise<number> {
  while (performance.now() - options.since < options.timeoutMs) {
    const entity = await http.get<ServedEntity>(`/entities/by-name/component/default/${name}`);
    if (entity.metadata.description === description) return (performance.now() - options.since) / 1000;
    await sleep(options.pollMs);
  }
  throw new Error(
    `the change to component:default/${name} was not visible within ${options.timeoutMs / 1000} s`,
  );
}

/**
 * Edits one file and triggers `POST /refresh` for the edited entity; returns the seconds
 * from the file write until by-name serves the new description.
 *
 * @example
 * const seconds = await measureRefreshChange(http, catalog.editable[0], 'run 1');
 */
export async function measureRefreshChange(
  http: CatalogHttp,
  target: EditableEntity,
  marker: string,
): Promise<number> {
  const description = `Edited by the catalog benchmark (${marker}).`;
  const since = performance.now();
  editDescription(target.file, target.name, description);
  const { status } = await http.post('/refresh', { entityRef: target.ref });
  if (status !== 200) throw new Error(`POST /refresh for ${target.ref} answered ${status}, expected 200`);
  return waitForDescription(http, target.name, description, { pollMs: 20, timeoutMs: 30_000, since });
}

/**
 * Edits one file without asking for a refresh; returns the seconds until the periodic
 * processing loop has picked the change up and by-name serves it.
 *
 * @example
 * const seconds = await measureIntervalChange(http, catalog.editable[1], 'interval', 180_000);
 */
export async function measureIntervalChange(
  http: CatalogHttp,
  target: EditableEntity,
  marker: string,
  timeoutMs: number,
): Promise<number> {
  const description = `Edited by the catalog benchmark (${marker}).`;
  const since = performance.now();
  editDescription(target.file, target.name, description);
  return waitForDescription(http, target.name, description, { pollMs: 250, timeoutMs, since });
}
