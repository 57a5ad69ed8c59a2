import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveSpecRelations, type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import { stringify } from 'yaml';
import {
  buildApi,
  buildComponent,
  buildDomain,
  buildGroup,
  buildResource,
  buildSystem,
  buildUser,
} from './catalog-entities.js';
import { type CatalogPlan, type KindCounts, planCatalog } from './catalog-plan.js';
import { createSeededRandom } from './seeded-random.js';

/** Options of {@link generateCatalog}. */
export interface GenerateCatalogOptions {
  /** Entities to write, the root Location included. At least 100. */
  total: number;
  /** An empty or new directory. */
  directory: string;
  seed?: number;
  /** How many entities to record expected relations for (default 40). */
  sampleSize?: number;
}

/** A component a benchmark may edit, each in a different file. */
export interface EditableEntity {
  ref: string;
  name: string;
  file: string;
}

/** What {@link generateCatalog} wrote. */
export interface GeneratedCatalog {
  directory: string;
  /** The root Location file to register. */
  rootFile: string;
  total: number;
  counts: KindCounts;
  files: number;
  bytes: number;
  /** Expected relations (`<type> <targetRef>`) of a sample of entities, keyed by entity ref. */
  sample: Map<string, Set<string>>;
  editable: EditableEntity[];
}

const spread = (count: number, k: number) => [
  ...new Set(Array.from({ length: Math.min(k, count) }, (_, i) => Math.floor((i * count) / k))),
];

function chooseSample(plan: CatalogPlan, size: number): Set<string> {
  const each = Math.max(1, Math.floor(size / 8));
  const refs = [
    ...spread(plan.counts.Component, each * 3).map((i) => `component:default/${plan.componentName(i)}`),
    ...spread(plan.counts.API, each).map((i) => `api:default/${plan.apiName(i)}`),
    ...spread(plan.counts.Resource, each).map((i) => `resource:default/${plan.resourceName(i)}`),
    ...spread(plan.counts.System, each).map((i) => `system:default/${plan.systemName(i)}`),
    ...spread(plan.counts.User, each).map((i) => `user:default/${plan.userName(i)}`),
    ...spread(plan.groups.length, each).map((i) => `group:default/${plan.groups[i]}`),
    `domain:default/${plan.domainName(0)}`,
  ];
  return new Set(refs.map((ref) => ref.toLowerCase()));
}

/** Writes entity documents to files and records the relations the sample should end up with. */
class CatalogWriter {
  files = 0;
  bytes = 0;
  constructor(
    private readonly directory: string,
    private readonly sample: Map<string, Set<string>>,
  ) {}

  write(relativePath: string, entities: readonly Entity[]): string {
    for (const entity of entities) this.record(entity);
    const text = entities.map((entity) => stringify(entity, { lineWidth: 0 })).join('---\n');
    const file = join(this.directory, relativePath);
    writeFileSync(file, text);
    this.files++;
    this.bytes += Buffer.byteLength(text);
    return file;
  }

  private record(entity: Entity): void {
    for (const relation of deriveSpecRelations(entity).relations) {
      const expected = this.sample.get(stringifyEntityRef(relation.source));
      expected?.add(`${relation.type} ${stringifyEntityRef(relation.target)}`);
    }
  }
}

/** The groups, users and domains of a planned catalog, as {@link generateCatalog} writes them. */
export function orgEntities(
  plan: CatalogPlan,
  seed: number,
): { groups: Entity[]; users: Entity[]; domains: Entity[] } {
  const random = createSeededRandom(seed ^ 0x9e3779b9);
  const children = plan.groups.map(() => [] as number[]);
  plan.groupParents.forEach((parent, child) => {
    if (parent >= 0) children[parent]?.push(child);
  });
  return {
    groups: plan.groups.map((_, i) => buildGroup(plan, i, children[i] ?? [])),
    users: Array.from({ length: plan.counts.User }, (_, i) => buildUser(plan, random, i)),
    domains: Array.from({ length: plan.counts.Domain }, (_, i) => buildDomain(plan, i)),
  };
}

function writeOrg(plan: CatalogPlan, writer: CatalogWriter, seed: number): void {
  const { groups, users, domains } = orgEntities(plan, seed);
  const pad = (n: number) => String(n).padStart(3, '0');
  for (let i = 0; i * 500 < groups.length; i++)
    writer.write(`org/groups-${pad(i)}.yaml`, groups.slice(i * 500, (i + 1) * 500));
  for (let i = 0; i * 250 < users.length; i++)
    writer.write(`org/users-${pad(i)}.yaml`, users.slice(i * 250, (i + 1) * 250));
  writer.write('domains.yaml', domains);
}

/** A system and its components, APIs and resources, as {@link generateCatalog} writes them. */
export function systemEntities(plan: CatalogPlan, seed: number, system: number): Entity[] {
  // One stream per system keeps a file's content independent of every other file's.
  const random = createSeededRandom(seed + system * 104729);
  const components = plan.sliceOf('Component', system);
  const apis = plan.sliceOf('API', system);
  const resources = plan.sliceOf('Resource', system);
  const entities: Entity[] = [buildSystem(plan, random, system)];
  for (let c = 0; c < components.count; c++) {
    const provides: string[] = [];
    for (let a = c; a < apis.count; a += components.count) provides.push(plan.apiName(apis.start + a));
    entities.push(buildComponent(plan, random, components.start + c, provides));
  }
  for (let a = 0; a < apis.count; a++) entities.push(buildApi(plan, random, apis.start + a));
  for (let r = 0; r < resources.count; r++) entities.push(buildResource(plan, random, resources.start + r));
  return entities;
}

function writeSystem(plan: CatalogPlan, writer: CatalogWriter, seed: number, system: number): string {
  return writer.write(`systems/${plan.systemName(system)}.yaml`, systemEntities(plan, seed, system));
}

/** The seed {@link generateCatalog} uses unless told otherwise. */
export const DEFAULT_CATALOG_SEED = 20_260_101;

/**
 * Writes a realistic, deterministic catalog of `total` entities: a group hierarchy,
 * users, domains, and one multi-document file per system with its components, APIs
 * (small inline definitions) and resources, plus a root Location with glob targets.
 * Every ref it writes resolves to an entity it writes.
 *
 * @example
 * const catalog = generateCatalog({ total: 10_000, directory: '/tmp/bench-catalog' });
 * // register catalog.rootFile as a `file` location
 */
export function generateCatalog(options: GenerateCatalogOptions): GeneratedCatalog {
  const seed = options.seed ?? DEFAULT_CATALOG_SEED;
  const plan = planCatalog(options.total);
  const sample = new Map(
    [...chooseSample(plan, options.sampleSize ?? 40)].map((ref) => [ref, new Set<string>()]),
  );
  mkdirSync(join(options.directory, 'org'), { recursive: true });
  mkdirSync(join(options.directory, 'systems'), { recursive: true });
  const writer = new CatalogWriter(options.directory, sample);
  writeOrg(plan, writer, seed);
  const editable: EditableEntity[] = [];
  const editableSystems = new Set(spread(plan.counts.System, 12));
  for (let system = 0; system < plan.counts.System; system++) {
    const file = writeSystem(plan, writer, seed, system);
    if (!editableSystems.has(system)) continue;
    const name = plan.componentName(plan.sliceOf('Component', system).start);
    editable.push({ ref: `component:default/${name}`, name, file });
  }
  const rootFile = writer.write('catalog-info.yaml', [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: {
        name: 'bench-catalog',
        description: `Generated benchmark catalog of ${plan.total} entities.`,
      },
      spec: { targets: ['./org/groups-*.yaml', './org/users-*.yaml', './domains.yaml', './systems/*.yaml'] },
    },
  ]);
  return {
    directory: options.directory,
    rootFile,
    total: plan.total,
    counts: plan.counts,
    files: writer.files,
    bytes: writer.bytes,
    sample,
    editable,
  };
}
