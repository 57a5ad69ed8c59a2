import type { LoggerService } from '@atrium/kernel';

/** Parent groups of each group and groups of each user, from the catalog's relations. */
export interface MembershipGraph {
  /** `group:…` → its parent groups (`childOf`); `user:…` → its groups (`memberOf`). */
  parents: Map<string, string[]>;
}

interface EntityRelations {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  relations?: Array<{ type?: string; targetRef?: string }>;
}

/** Builds the graph from User and Group entities (only `kind`, `metadata` and `relations` are read). */
export function buildMembershipGraph(entities: readonly EntityRelations[]): MembershipGraph {
  const parents = new Map<string, string[]>();
  for (const entity of entities) {
    const kind = entity.kind?.toLowerCase();
    const name = entity.metadata?.name;
    if ((kind !== 'group' && kind !== 'user') || !name) continue;
    const ref = `${kind}:${entity.metadata?.namespace ?? 'default'}/${name}`.toLowerCase();
    const wanted = kind === 'group' ? 'childof' : 'memberof';
    const targets = (entity.relations ?? [])
      .filter((r) => r.type?.toLowerCase() === wanted && typeof r.targetRef === 'string')
      .map((r) => r.targetRef!.toLowerCase());
    if (targets.length > 0) parents.set(ref, targets);
  }
  return { parents };
}

/**
 * The user's ref, the refs of its token (`ent`) and every group above them, following
 * `memberOf` and `childOf` through the graph; cycles are walked once.
 */
export function expandMembership(
  graph: MembershipGraph | undefined,
  userRef: string,
  tokenRefs: readonly string[],
): string[] {
  const seen = new Set<string>([userRef.toLowerCase(), ...tokenRefs.map((r) => r.toLowerCase())]);
  if (!graph) return [...seen];
  const queue = [...seen];
  while (queue.length > 0) {
    for (const parent of graph.parents.get(queue.pop()!) ?? []) {
      if (!seen.has(parent)) {
        seen.add(parent);
        queue.push(parent);
      }
    }
  }
  return [...seen];
}

/** Keeps the graph loaded: on first use, then again after `refreshMs` or when told the catalog changed. */
export interface MembershipSource {
  current(): Promise<MembershipGraph | undefined>;
  invalidate(): void;
}

/**
 * Creates the source over a loader (the catalog's User and Group entities). A decision
 * never waits for a refresh, only for the first load (bounded by `firstLoadTimeoutMs`);
 * when loading fails the token's refs alone count, and the failure is logged once.
 */
export function createMembershipSource(options: {
  load(): Promise<MembershipGraph>;
  refreshMs: number;
  firstLoadTimeoutMs: number;
  logger: LoggerService;
}): MembershipSource {
  let graph: MembershipGraph | undefined;
  let loadedAt = 0;
  let loading: Promise<void> | undefined;
  let lastError: string | undefined;
  const reload = () => {
    loading ??= options
      .load()
      .then((loaded) => {
        graph = loaded;
        loadedAt = Date.now();
        lastError = undefined;
      })
      .catch((error: unknown) => {
        const message = (error as Error).message;
        if (message !== lastError)
          options.logger.warn(
            `rbac: could not load groups from the catalog: ${message}; only token refs count`,
          );
        lastError = message;
        loadedAt = Date.now();
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
  return {
    async current() {
      if (loadedAt === 0) {
        const timeout = new Promise<void>((resolve) =>
          setTimeout(resolve, options.firstLoadTimeoutMs).unref(),
        );
        await Promise.race([reload(), timeout]);
      } else if (Date.now() - loadedAt > options.refreshMs) void reload();
      return graph;
    },
    invalidate() {
      loadedAt = Math.min(loadedAt, 1);
    },
  };
}
