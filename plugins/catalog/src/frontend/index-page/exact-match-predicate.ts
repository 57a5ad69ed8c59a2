import {
  CATALOG_FILTER_EXISTS,
  type EntityFilterQuery,
  type EntityFilterSet,
  type FilterPredicate,
} from '../../common/index.js';

// undefined: the set matches every entity (no facet selected).
function setPredicate(set: EntityFilterSet): FilterPredicate | undefined {
  const parts: FilterPredicate[] = [];
  for (const [key, value] of Object.entries(set)) {
    if (value === CATALOG_FILTER_EXISTS) parts.push({ [key]: { $exists: true } });
    else if (typeof value === 'string') parts.push({ [key]: value });
    else if (value.length > 0) parts.push({ [key]: { $in: [...value] } });
  }
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { $all: parts };
}

/**
 * The entities of the catalog page's filter whose name or title is the search text
 * itself (the server compares case-insensitively): the rows the page ranks first.
 *
 * @example
 * exactMatchPredicate({ kind: ['component'] }, 'payments');
 * // { $all: [{ kind: { $in: ['component'] } }, { $any: [{ 'metadata.name': 'payments' }, { 'metadata.title': 'payments' }] }] }
 */
export function exactMatchPredicate(filter: EntityFilterQuery, text: string): FilterPredicate {
  const sets: readonly EntityFilterSet[] = Array.isArray(filter) ? filter : [filter as EntityFilterSet];
  const exact: FilterPredicate = { $any: [{ 'metadata.name': text }, { 'metadata.title': text }] };
  const alternatives = sets.map(setPredicate);
  if (alternatives.some((alternative) => alternative === undefined)) return exact;
  const facets = alternatives as FilterPredicate[];
  return { $all: [facets.length === 1 ? (facets[0] as FilterPredicate) : { $any: facets }, exact] };
}
