import { catalogApiRef } from '@atrium/catalog/frontend';
import { useApi } from '@atrium/web-kernel';
import { useQuery } from '@tanstack/react-query';

const fields = ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title', 'spec.profile.displayName'];

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/**
 * The names people know entities by, from the catalog: a user's or group's display
 * name, else the entity's title; keyed by the lowercased ref. Refs the catalog does not
 * have (or the caller may not read) are absent, and so is everything while loading or
 * when the catalog fails: callers fall back to the ref.
 *
 * @example
 * const titles = useEntityTitles(tasks.map((t) => t.createdBy));
 * titles.get('user:default/ana'); // 'Ana Lima'
 */
export function useEntityTitles(refs: ReadonlyArray<string | undefined>): ReadonlyMap<string, string> {
  const catalog = useApi(catalogApiRef);
  const unique = [...new Set(refs.filter((r): r is string => !!r).map((r) => r.toLowerCase()))].sort();
  const query = useQuery({
    queryKey: ['scaffolder', 'entity-titles', unique],
    enabled: unique.length > 0,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const { items } = await catalog.getEntitiesByRefs({ body: { entityRefs: unique, fields } });
      const titles = new Map<string, string>();
      items.forEach((entity, index) => {
        const spec = entity?.spec as { profile?: { displayName?: unknown } } | undefined;
        const title = text(spec?.profile?.displayName) ?? text(entity?.metadata.title);
        if (title) titles.set(unique[index] as string, title);
      });
      return titles;
    },
  });
  return query.data ?? new Map();
}
