import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** How many components each owner has in {@link writeOrg}'s catalog. */
export const OWNED = { 'team-a': 23, 'team-b': 14, eng: 3 } as const;

const group = (name: string, parent?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
});
const user = (name: string, memberOf: string[]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: { memberOf },
});
const component = (name: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { type: 'service', lifecycle: 'production', owner },
});

/**
 * Writes an organisation (eng above team-a and team-b; ada in team-a, bob in team-b) with
 * components owned by each, and a policy file beside it; returns their paths.
 */
export function writeOrg(policy: unknown): { catalogFile: string; policyFile: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-rbac-org-'));
  const entities = [
    group('eng'),
    group('team-a', 'eng'),
    group('team-b', 'eng'),
    user('ada', ['team-a']),
    user('bob', ['team-b']),
    user('root', []),
    ...Object.entries(OWNED).flatMap(([owner, count]) =>
      Array.from({ length: count }, (_, i) => component(`${owner}-svc-${String(i).padStart(2, '0')}`, owner)),
    ),
  ];
  const catalogFile = join(dir, 'org.yaml');
  writeFileSync(catalogFile, entities.map((e) => stringify(e)).join('---\n'));
  const policyFile = join(dir, 'rbac-policy.yaml');
  writeFileSync(policyFile, stringify(policy));
  return { catalogFile, policyFile, dir };
}
