import { type Entity, RELATION_PAIRS, stringifyEntityRef } from '@atrium/catalog-model';
import type { CatalogApi } from '../api/catalog-api.js';

/** An entity in the graph; `entity` is `null` for a relation target the catalog does not have. */
export interface EntityGraphNode {
  ref: string;
  entity: Entity | null;
  /** Hops from the root. */
  depth: number;
}

/** A relation between two nodes, in its forward direction (`ownedBy`, not `ownerOf`). */
interface EntityGraphEdge {
  from: string;
  to: string;
  type: string;
}

/** The neighbourhood of an entity. */
export interface EntityGraph {
  rootRef: string;
  nodes: EntityGraphNode[];
  edges: EntityGraphEdge[];
  /** More entities were reachable than `maxNodes` allowed. */
  isTruncated: boolean;
}

/** Options of {@link loadEntityGraph}. */
export interface LoadEntityGraphOptions {
  /** How many hops to follow from the root. */
  depth: number;
  /** Forward relation types to follow (their inverses count too); all when undefined. */
  relationTypes?: readonly string[];
  /** Stop adding entities past this many, so a big team does not freeze the browser. */
  maxNodes?: number;
}

/** The relation types a graph can show, forward direction only. */
export const graphRelationTypes: readonly string[] = RELATION_PAIRS.map(([forward]) => forward);

const forwardOf = new Map<string, { type: string; isInverse: boolean }>(
  RELATION_PAIRS.flatMap(([forward, inverse]) => [
    [forward, { type: forward, isInverse: false }],
    [inverse, { type: forward, isInverse: true }],
  ]),
);

/** Fields the graph needs of each entity: enough to label a node and follow its relations. */
const graphFields = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
  'spec.profile',
  'relations',
];

function followedRelations(entity: Entity, types: ReadonlySet<string> | undefined) {
  const source = stringifyEntityRef(entity);
  return (entity.relations ?? []).flatMap((relation) => {
    const known = forwardOf.get(relation.type) ?? { type: relation.type, isInverse: false };
    if (types && !types.has(known.type)) return [];
    const edge = known.isInverse
      ? { from: relation.targetRef, to: source, type: known.type }
      : { from: source, to: relation.targetRef, type: known.type };
    return [{ target: relation.targetRef, edge }];
  });
}

/**
 * Loads an entity's neighbourhood breadth-first, one by-refs request per hop. Each edge
 * appears once however many of its ends list it (A `ownedBy` B and B `ownerOf` A).
 *
 * @example
 * const graph = await loadEntityGraph(catalogApi, entity, { depth: 2 });
 */
export async function loadEntityGraph(
  catalogApi: CatalogApi,
  root: Entity,
  options: LoadEntityGraphOptions,
): Promise<EntityGraph> {
  const maxNodes = options.maxNodes ?? 120;
  const types = options.relationTypes ? new Set(options.relationTypes) : undefined;
  const rootRef = stringifyEntityRef(root);
  const nodes = new Map<string, EntityGraphNode>([[rootRef, { ref: rootRef, entity: root, depth: 0 }]]);
  let frontier: Entity[] = [root];
  let isTruncated = false;
  for (let depth = 1; depth <= options.depth && frontier.length > 0; depth++) {
    const next = new Set<string>();
    for (const entity of frontier) {
      for (const { target } of followedRelations(entity, types)) if (!nodes.has(target)) next.add(target);
    }
    const refs = [...next].sort();
    if (nodes.size + refs.length > maxNodes) {
      isTruncated = true;
      refs.splice(Math.max(0, maxNodes - nodes.size));
    }
    if (refs.length === 0) break;
    const { items } = await catalogApi.getEntitiesByRefs({ body: { entityRefs: refs, fields: graphFields } });
    frontier = [];
    refs.forEach((ref, index) => {
      const entity = items[index] ?? null;
      nodes.set(ref, { ref, entity, depth });
      if (entity) frontier.push(entity);
    });
  }
  const edges = new Map<string, EntityGraphEdge>();
  for (const node of nodes.values()) {
    if (!node.entity) continue;
    for (const { edge } of followedRelations(node.entity, types)) {
      if (nodes.has(edge.from) && nodes.has(edge.to)) edges.set(`${edge.from} ${edge.type} ${edge.to}`, edge);
    }
  }
  return { rootRef, nodes: [...nodes.values()], edges: [...edges.values()], isTruncated };
}
