import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One page of a generated site: headings, prose, a table, code, an admonition and links. */
export function pageMarkdown(index: number, pages: number, revision = 0): string {
  const next = (index + 1) % pages;
  return [
    `# Page ${index}`,
    '',
    `Revision ${revision}. This page explains part ${index} of the service. See [the next page](page-${next}.md) and [home](index.md).`,
    '',
    '!!! note "Good to know"',
    `    Part ${index} is owned by team ${index % 7}.`,
    '',
    '## Configuration',
    '',
    '| Key | Default | Meaning |',
    '| --- | --- | --- |',
    ...Array.from({ length: 8 }, (_, i) => `| key${i} | ${i * index} | what key ${i} does |`),
    '',
    '## Example',
    '',
    '```ts',
    `export function part${index}(input: string): string {`,
    '  return input.trim().toUpperCase();',
    '}',
    '```',
    '',
    '### Details',
    '',
    ...Array.from(
      { length: 6 },
      () =>
        'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
    ),
    '',
  ].join('\n');
}

/** Writes a component with an mkdocs site of `pages` pages (+ index) under `dir/name` (0: the index only). */
export function generateSite(dir: string, name: string, pages: number): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(
    join(root, 'catalog-info.yaml'),
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  type: service\n  lifecycle: production\n  owner: bench\n`,
  );
  const nav = Array.from({ length: pages }, (_, i) => `  - Page ${i}: page-${i}.md`).join('\n');
  writeFileSync(
    join(root, 'mkdocs.yml'),
    `site_name: ${name}\nnav:\n  - Home: index.md\n${nav}\nplugins:\n  - techdocs-core\n`,
  );
  writeFileSync(join(root, 'docs', 'index.md'), `# ${name}\n\nA generated site of ${pages} pages.\n`);
  for (let i = 0; i < pages; i++) writeFileSync(join(root, 'docs', `page-${i}.md`), pageMarkdown(i, pages));
  return root;
}
