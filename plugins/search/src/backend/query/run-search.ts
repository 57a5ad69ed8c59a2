import type { Credentials, PermissionsService, ResourcePermission } from '@atrium/kernel';
import {
  SEARCH_HIGHLIGHT_TAGS,
  SEARCH_LIMITS,
  type SearchQuery,
  type SearchResultSet,
} from '../../common/search-types.js';
import type { SearchCollator } from '../collators/search-collator.js';
import type { Candidate, LoadedDocument, MatchRequest, SearchEngine } from '../engines/search-engine.js';
import { toSearchTokens } from '../engines/search-terms.js';
import { decodePageCursor, encodePageCursor } from './page-cursor.js';
import { visibleCandidates } from './visible-candidates.js';

/** What a search needs: the engine, the collators (types and their permissions) and the permission service. */
export interface SearchContext {
  engine: SearchEngine;
  collators: readonly SearchCollator[];
  permissions: PermissionsService;
}

interface TypeAccess {
  types: string[];
  conditional: Map<string, ResourcePermission>;
}

// A type without a visibility permission is public to signed-in callers; DENY drops the type.
async function typeAccess(
  context: SearchContext,
  wanted: string[] | undefined,
  credentials: Credentials,
): Promise<TypeAccess> {
  const collators = context.collators.filter((c) => !wanted || wanted.includes(c.type));
  const guarded = collators.filter((c) => c.visibilityPermission);
  const decisions = await context.permissions.authorizeConditional(
    guarded.map((c) => ({ permission: c.visibilityPermission! })),
    { credentials },
  );
  const decisionOf = new Map(guarded.map((c, i) => [c.type, decisions[i]!.result]));
  const access: TypeAccess = { types: [], conditional: new Map() };
  for (const collator of collators) {
    const result = decisionOf.get(collator.type) ?? 'ALLOW';
    if (result === 'DENY') continue;
    access.types.push(collator.type);
    if (result === 'CONDITIONAL') access.conditional.set(collator.type, collator.visibilityPermission!);
  }
  return access;
}

function toResults(loaded: LoadedDocument[], offset: number): SearchResultSet['results'] {
  return loaded.map((item, i) => ({
    type: item.type,
    document: item.document,
    ...(Object.keys(item.highlight).length > 0
      ? { highlight: { ...SEARCH_HIGHLIGHT_TAGS, fields: item.highlight } }
      : {}),
    rank: offset + i + 1,
  }));
}

async function pageOf(
  context: SearchContext,
  request: MatchRequest,
  access: TypeAccess,
  page: { offset: number; limit: number },
  credentials: Credentials,
): Promise<{ page: Candidate[]; total: number; mode: 'exact' | 'fuzzy' }> {
  if (access.conditional.size > 0) {
    const hasExact = request.tokens.length === 0 || (await context.engine.count(request, 'exact')) > 0;
    const mode = hasExact ? 'exact' : 'fuzzy';
    const check = { permissions: context.permissions, credentials, conditional: access.conditional };
    return { ...(await visibleCandidates(context.engine, request, mode, page, check)), mode };
  }
  const exact = await context.engine.page(request, 'exact', page);
  // Typo matching only when no word matches at all (not merely past the last page).
  if (exact.total > 0 || request.tokens.length === 0)
    return { page: exact.candidates, total: exact.total, mode: 'exact' };
  const fuzzy = await context.engine.page(request, 'fuzzy', page);
  return { page: fuzzy.candidates, total: fuzzy.total, mode: 'fuzzy' };
}

/**
 * Answers one search: the caller's visible types, exact matches (or typo matches when
 * none), permission-filtered before paging, the page loaded with highlights.
 */
export async function runSearch(
  context: SearchContext,
  query: SearchQuery,
  credentials: Credentials,
): Promise<SearchResultSet> {
  const limit = query.pageLimit ?? SEARCH_LIMITS.defaultPageLimit;
  const pageNumber = decodePageCursor(query.pageCursor);
  const offset = pageNumber * limit;
  const access = await typeAccess(context, query.types, credentials);
  if (access.types.length === 0) return { results: [], numberOfResults: 0 };
  const tokens = toSearchTokens(query.term);
  // A term of punctuation only (`"*"`, `-`) asks for no word: nothing matches it.
  if (tokens.length === 0 && query.term.trim() !== '') return { results: [], numberOfResults: 0 };
  const request: MatchRequest = { tokens, types: access.types, filters: query.filters ?? {} };
  const { page, total, mode } = await pageOf(context, request, access, { offset, limit }, credentials);
  const loaded = await context.engine.load(
    page.map((c) => c.id),
    tokens,
    mode,
  );
  return {
    results: toResults(loaded, offset),
    numberOfResults: total,
    ...(offset + limit < total ? { nextPageCursor: encodePageCursor(pageNumber + 1) } : {}),
    ...(pageNumber > 0 ? { previousPageCursor: encodePageCursor(pageNumber - 1) } : {}),
  };
}
