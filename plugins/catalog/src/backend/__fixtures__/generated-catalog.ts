import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes a root Location with a glob over `files` files of `perFile` components each
 * (owned by one of a few groups, half of them depending on another component).
 */
export function generateCatalog(
  files: number,
  perFile: number,
): { dir: string; root: string; total: number } {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-catalog-generated-'));
  mkdirSync(join(dir, 'parts'));
  for (let f = 0; f < files; f++) {
    const docs: string[] = [];
    for (let i = 0; i < perFile; i++) {
      const n = f * perFile + i;
      const depends = n % 2 === 1 ? `\n  dependsOn: [component:c-${n - 1}]` : '';
      docs.push(
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: c-${n}\n  tags: [t${n % 7}]\nspec:\n  type: service\n  lifecycle: production\n  owner: team-${n % 5}${depends}\n`,
      );
    }
    writeFileSync(join(dir, 'parts', `part-${f}.yaml`), docs.join('---\n'));
  }
  const root = join(dir, 'catalog-info.yaml');
  writeFileSync(
    root,
    'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: generated\nspec:\n  targets: [./parts/*.yaml]\n',
  );
  return { dir, root, total: files * perFile };
}
