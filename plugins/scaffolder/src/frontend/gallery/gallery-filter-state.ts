import type { CatalogFilter } from '../fields/catalog-filter.js';

/** What the gallery is filtered by; kept in the URL so a filtered view can be shared. */
export interface GalleryFilters {
  type?: string;
  tags: string[];
  owner?: string;
  text: string;
}

/**
 * Reads the filters from the page's search parameters (`type`, `tag` repeated, `owner`, `q`).
 *
 * @example
 * readGalleryFilters(new URLSearchParams('type=service&tag=node')); // { type: 'service', tags: ['node'], text: '' }
 */
export function readGalleryFilters(params: URLSearchParams): GalleryFilters {
  return {
    type: params.get('type') || undefined,
    tags: params.getAll('tag'),
    owner: params.get('owner') || undefined,
    text: params.get('q') ?? '',
  };
}

/** Writes filters back to search parameters, leaving out the empty ones. */
export function writeGalleryFilters(filters: GalleryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.type) params.set('type', filters.type);
  for (const tag of filters.tags) params.append('tag', tag);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.text) params.set('q', filters.text);
  return params;
}

/**
 * The catalog filter for the chosen type, tags (any of them) and owner.
 *
 * @example
 * templateFilter({ type: 'service', tags: [], text: '' }); // { kind: 'template', 'spec.type': 'service' }
 */
export function templateFilter(filters: GalleryFilters): CatalogFilter {
  const filter: CatalogFilter = { kind: 'template' };
  if (filters.type) filter['spec.type'] = filters.type;
  if (filters.tags.length > 0) filter['metadata.tags'] = filters.tags;
  if (filters.owner) filter['relations.ownedBy'] = filters.owner;
  return filter;
}
