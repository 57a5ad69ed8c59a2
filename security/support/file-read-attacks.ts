import { join } from 'node:path';
import { api, component, location, yamlDocuments } from './attacker-actions.js';
import type { PlantedRepositories } from './planted-repositories.js';

/** Revision expressions and a commit id: history the blob reader must not reach. */
const REVISIONS = ['main~1', 'main^', 'HEAD~1', 'main@{1}', '<secret commit>'];

/** Targets a user names directly (type, target); `root` is the portal's folder. */
export const directTargets = (root: string, repos: PlantedRepositories) => [
  { name: 'a file in the data directory', type: 'file', target: join(root, 'data/catalog-info.yaml') },
  { name: 'the data directory', type: 'file', target: join(root, 'data') },
  { name: 'the SQLite file', type: 'file', target: join(root, 'data/kernel.sqlite') },
  { name: 'the config file', type: 'file', target: join(root, 'app-config.security.yaml') },
  {
    name: 'a ../ climb out of an allowed root',
    type: 'file',
    target: `${root}/repositories/../data/catalog-info.yaml`,
  },
  { name: 'a symlinked file', type: 'file', target: join(root, 'repositories/secret-link.yaml') },
  {
    name: 'a symlinked directory',
    type: 'file',
    target: join(root, 'repositories/data-link/catalog-info.yaml'),
  },
  { name: 'a glob over the data directory', type: 'file', target: join(root, 'data/*.yaml') },
  { name: 'a url location with a file: URL', type: 'url', target: `file://${root}/data/catalog-info.yaml` },
  {
    name: 'a url location with FILE: in capitals',
    type: 'url',
    target: `FILE://${root}/data/catalog-info.yaml`,
  },
  {
    name: 'a url location with file://localhost',
    type: 'url',
    target: `file://localhost${root}/data/catalog-info.yaml`,
  },
  {
    name: 'a working tree .git',
    type: 'file',
    target: join(repos.worktree, '.git/blob/main/worktree-only.yaml'),
  },
  ...REVISIONS.map((rev) => ({
    name: `the revision expression ${rev}`,
    type: 'file',
    target: join(repos.bare, 'blob', rev === '<secret commit>' ? repos.secretCommit : rev, 'secret.yaml'),
  })),
];

/** Descriptor files an attacker pushes to a repository on an allowed host (a url location), by file name. */
export const hostedAttacks = (root: string, repos: PlantedRepositories): Record<string, string> => ({
  'text-data.yaml': yamlDocuments(api('atk-text-data', { $text: `file://${root}/data/secret.json` })),
  'text-config.yaml': yamlDocuments(
    api('atk-text-config', { $text: `file://${root}/app-config.security.yaml` }),
  ),
  'json-data.yaml': yamlDocuments(
    component('atk-json-data', { metadata: { annotations: { $json: `file://${root}/data/secret.json` } } }),
  ),
  'yaml-data.yaml': yamlDocuments(
    component('atk-yaml-data', { metadata: { labels: { $yaml: `file://${root}/data/secret.json` } } }),
  ),
  'text-history.yaml': yamlDocuments(
    api('atk-text-history', { $text: `file://${repos.bare}/blob/${repos.secretCommit}/secret.yaml` }),
  ),
  'child-file.yaml': yamlDocuments(
    location('atk-child-file', { type: 'file', target: join(root, 'data/catalog-info.yaml') }),
  ),
  'child-url-file.yaml': yamlDocuments(
    location('atk-child-url-file', { type: 'url', target: `file://${root}/data/catalog-info.yaml` }),
  ),
  'child-glob.yaml': yamlDocuments(
    location('atk-child-glob', { type: 'file', targets: [join(root, 'data/*.yaml')] }),
  ),
  'child-symlink.yaml': yamlDocuments(
    location('atk-child-symlink', {
      type: 'file',
      target: join(root, 'repositories/data-link/catalog-info.yaml'),
    }),
  ),
  'child-worktree.yaml': yamlDocuments(
    location('atk-child-worktree', {
      type: 'file',
      target: join(repos.worktree, '.git/blob/main/worktree-only.yaml'),
    }),
  ),
  // Another repository on the same allowed host: relative targets stay in their own repository.
  'climb-repository.yaml': yamlDocuments(
    api('atk-climb-repo', { $text: '../../../victim/blob/main/notes.txt' }),
  ),
  'climb-repository-child.yaml': yamlDocuments(
    location('atk-climb-repo-child', { type: 'url', target: '../../../victim/blob/main/catalog-info.yaml' }),
  ),
  'child-revision.yaml': yamlDocuments(
    location('atk-child-revision', { type: 'file', target: join(repos.bare, 'blob/main~1/secret.yaml') }),
  ),
});

/** Descriptor files in a repository under an allowed file root (file locations), by file name. */
export const fileAttacks = (root: string): Record<string, string> => ({
  'climb.yaml': yamlDocuments(api('atk-climb', { $text: '../../data/secret.json' })),
  'climb-config.yaml': yamlDocuments(api('atk-climb-config', { $text: '../../app-config.security.yaml' })),
  'absolute.yaml': yamlDocuments(api('atk-absolute', { $text: `file://${root}/data/secret.json` })),
  'absolute-path.yaml': yamlDocuments(api('atk-absolute-path', { $text: join(root, 'data/secret.json') })),
  'symlink.yaml': yamlDocuments(api('atk-symlink', { $text: '../data-link/secret.json' })),
  'child-climb.yaml': yamlDocuments(
    location('atk-fchild-climb', { type: 'file', target: '../../data/catalog-info.yaml' }),
  ),
  'child-sqlite.yaml': yamlDocuments(
    location('atk-fchild-sqlite', { type: 'file', target: '../../data/kernel.sqlite' }),
  ),
  'child-glob.yaml': yamlDocuments(
    location('atk-fchild-glob', { type: 'file', targets: ['../../data/*.yaml'] }),
  ),
  'child-url.yaml': yamlDocuments(
    location('atk-fchild-url', { type: 'url', target: `file://${root}/app-config.security.yaml` }),
  ),
});
