import { entityToDocument } from '@atrium/catalog/search-collator';
import { type Entity, stringifyEntityRef } from '@atrium/catalog-model';
import type { IndexableDocument } from '@atrium/search/common';
import { type CatalogPlan, planCatalog } from '../catalog/catalog-plan.js';
import { CAPABILITIES, NOUNS } from '../catalog/catalog-words.js';
import { DEFAULT_CATALOG_SEED, orgEntities, systemEntities } from '../catalog/generate-catalog.js';
import { createSeededRandom } from '../catalog/seeded-random.js';
import { pageMarkdown } from '../docs/generate-site.js';

/** Pages per documented component: 5,000 pages are 500 sites of 10 pages. */
const pagesPerSite = 10;

/** The generated organisation the search bench indexes: the catalog bench's, by its seed. */
export interface SearchCorpus {
  plan: CatalogPlan;
  /** Catalog documents (every entity but the root Location) plus docs pages. */
  size: number;
  catalogSize: number;
  docsPages: number;
}

/** Plans a corpus of a `total`-entity catalog and `docsPages` docs pages. */
export function planSearchCorpus(total: number, docsPages: number): SearchCorpus {
  const plan = planCatalog(total);
  return { plan, size: total - 1 + docsPages, catalogSize: total - 1, docsPages };
}

/** A changed entity: its description says `revision<n>`, so the change is searchable. */
function revised(entity: Entity, revision: number | undefined): Entity {
  if (!revision) return entity;
  const description = `revision${revision} ${entity.metadata.description ?? ''}`;
  return { ...entity, metadata: { ...entity.metadata, description } };
}

/**
 * The catalog's documents as the catalog collator makes them (`entityToDocument`), from
 * the catalog bench's generator, one system at a time so 100k never sit in memory at once.
 */
export function* catalogDocuments(
  corpus: SearchCorpus,
  revisions: ReadonlyMap<string, number>,
): Generator<IndexableDocument> {
  const { groups, users, domains } = orgEntities(corpus.plan, DEFAULT_CATALOG_SEED);
  for (const entity of [...groups, ...users, ...domains]) yield entityToDocument(entity);
  for (let system = 0; system < corpus.plan.counts.System; system++) {
    for (const entity of systemEntities(corpus.plan, DEFAULT_CATALOG_SEED, system)) {
      yield entityToDocument(revised(entity, revisions.get(stringifyEntityRef(entity))));
    }
  }
}

/** The document of component `index` at its current revision. */
export function componentDocument(
  corpus: SearchCorpus,
  index: number,
  revisions: ReadonlyMap<string, number>,
): IndexableDocument {
  const name = corpus.plan.componentName(index);
  const system = corpus.plan.systemOf('Component', index);
  const entity = systemEntities(corpus.plan, DEFAULT_CATALOG_SEED, system).find(
    (e) => e.kind === 'Component' && e.metadata.name === name,
  )!;
  return entityToDocument(revised(entity, revisions.get(stringifyEntityRef(entity))));
}

// Markdown to the plain text a built page gives the techdocs collator.
const plainText = (markdown: string) =>
  markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[#|!*`[\]()-]+/g, ' ')
    .replace(/\s+/g, ' ');

/** The docs pages, shaped as the techdocs collator makes them, of every tenth-ish component. */
export function* docsDocuments(corpus: SearchCorpus): Generator<IndexableDocument> {
  const sites = Math.ceil(corpus.docsPages / pagesPerSite);
  const step = Math.max(1, Math.floor(corpus.plan.counts.Component / sites));
  for (let page = 0; page < corpus.docsPages; page++) {
    const name = corpus.plan.componentName(
      (Math.floor(page / pagesPerSite) * step) % corpus.plan.counts.Component,
    );
    const entityRef = `component:default/${name}`;
    const index = page % pagesPerSite;
    yield {
      title: `Page ${index}`,
      text: plainText(pageMarkdown(index, pagesPerSite)),
      location: `/docs/default/component/${name}/page-${index}/`,
      authorization: { resourceRef: entityRef },
      entityRef,
      path: `page-${index}/`,
    };
  }
}

/** What each query of {@link searchTerms} asks, in the order the terms cycle through them. */
export const TERM_KINDS = ['name', 'prefix', 'word', 'owner', 'typo', 'docs'] as const;

/** One query of the mix. */
export interface SearchTerm {
  kind: (typeof TERM_KINDS)[number];
  term: string;
}

const docsPhrases = ['configuration', 'example details', 'good to know', 'lorem ipsum', 'owned by team'];

function randomName(corpus: SearchCorpus, random: ReturnType<typeof createSeededRandom>): string {
  const { plan } = corpus;
  const roll = random.int(4);
  if (roll === 0) return plan.apiName(random.int(plan.counts.API));
  if (roll === 1) return plan.userName(random.int(plan.counts.User));
  return plan.componentName(random.int(plan.counts.Component));
}

function termOf(
  corpus: SearchCorpus,
  kind: SearchTerm['kind'],
  random: ReturnType<typeof createSeededRandom>,
) {
  const name = randomName(corpus, random);
  switch (kind) {
    case 'name':
      return name;
    case 'prefix':
      // Typeahead: what has been typed so far of a name, 2 to 8 characters.
      return name.slice(0, 2 + random.int(7));
    case 'word':
      return random.pick([...CAPABILITIES, ...NOUNS]);
    case 'owner':
      return corpus.plan.groups[random.pick(corpus.plan.teams)]!;
    case 'typo': {
      const at = 1 + random.int(Math.min(5, name.length - 2));
      return `${name.slice(0, at)}${name[at] === 'x' ? 'q' : 'x'}${name.slice(at + 1)}`;
    }
    default:
      return random.pick(docsPhrases).replace('team', `team ${random.int(7)}`);
  }
}

/** `count` query terms cycling through {@link TERM_KINDS}, deterministic for a corpus. */
export function searchTerms(count: number, corpus: SearchCorpus): SearchTerm[] {
  const random = createSeededRandom(7);
  return Array.from({ length: count }, (_, i) => {
    const kind = TERM_KINDS[i % TERM_KINDS.length]!;
    return { kind, term: termOf(corpus, kind, random) };
  });
}
