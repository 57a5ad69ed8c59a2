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
import type { ResultCache } from './result-cache.js';
import { visibleCandidates } from './visible-candidates.js';

/** What a search needs: the engine, the collators (types and their permissions) and the permission service. */
export interface SearchContext {
  engine: SearchEngine;
  collators: readonly SearchCollator[];
  permissions: PermissionsService;
  /** Recent answers for unconditional callers (none: every search runs). */
  cache?: ResultCache;
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

// The first corrected query (best first) that matches anything.
async function firstMatching(
  corrections: string[][],
  matches: (tokens: string[]) => Promise<boolean>,
): Promise<string[] | undefined> {
  for (const tokens of corrections) if (await matches(tokens)) return tokens;
  return undefined;
}

type PageAnswer = { page: Candidate[]; total: number; mode: 'exact' | 'fuzzy'; tokens: string[] };

async function checkedPage(
  context: SearchContext,
  request: MatchRequest,
  access: TypeAccess,
  page: { offset: number; limit: number },
  credentials: Credentials,
): Promise<PageAnswer> {
  const check = { permissions: context.permissions, credentials, conditional: access.conditional };
  const exact = async (tokens: string[]) =>
    tokens.length === 0 || (await context.engine.count({ ...request, tokens }, 'exact')) > 0;
  if (await exact(request.tokens)) {
    return {
      ...(await visibleCandidates(context.engine, request, 'exact', page, check)),
      mode: 'exact',
      tokens: request.tokens,
    };
  }
  const corrected = await firstMatching(await context.engine.correct(request), exact);
  if (corrected) {
    const answer = await visibleCandidates(
      context.engine,
      { ...request, tokens: corrected },
      'exact',
      page,
      check,
    );
    return { ...answer, mode: 'exact', tokens: corrected };
  }
  return {
    ...(await visibleCandidates(context.engine, request, 'fuzzy', page, check)),
    mode: 'fuzzy',
    tokens: request.tokens,
  };
}

// Typo handling only when no word matches at all (not merely past the last page): first the
// corrections by known words (vocabulary lookups) that match, best first, then trigram matching.
async function pageOf(
  context: SearchContext,
  request: MatchRequest,
  access: TypeAccess,
  page: { offset: number; limit: number },
  credentials: Credentials,
): Promise<PageAnswer> {
  if (access.conditional.size > 0) return checkedPage(context, request, access, page, credentials);
  const exact = await context.engine.page(request, 'exact', page);
  if (exact.total > 0 || request.tokens.length === 0)
    return { page: exact.candidates, total: exact.total, mode: 'exact', tokens: request.tokens };
  for (const corrected of await context.engine.correct(request)) {
    const answer = await context.engine.page({ ...request, tokens: corrected }, 'exact', page);
    if (answer.total > 0)
      return { page: answer.candidates, total: answer.total, mode: 'exact', tokens: corrected };
  }
  const fuzzy = await context.engine.page(request, 'fuzzy', page);
  return { page: fuzzy.candidates, total: fuzzy.total, mode: 'fuzzy', tokens: request.tokens };
}

async function answer(
  context: SearchContext,
  request: MatchRequest,
  access: TypeAccess,
  page: { number: number; offset: number; limit: number },
  credentials: Credentials,
): Promise<SearchResultSet> {
  const { offset, limit } = page;
  const found = await pageOf(context, request, access, { offset, limit }, credentials);
  const loaded = await context.engine.load(
    found.page.map((c) => c.id),
    found.tokens,
    found.mode,
  );
  return {
    results: toResults(loaded, offset),
    numberOfResults: found.total,
    ...(offset + limit < found.total ? { nextPageCursor: encodePageCursor(page.number + 1) } : {}),
    ...(page.number > 0 ? { previousPageCursor: encodePageCursor(page.number - 1) } : {}),
  };
}

/**
 * Answers one search: the caller's visible types, exact matches (or typo matches when
 * none), permission-filtered before paging, the page loaded with highlights. Callers whose
 * access is unconditional share recent answers (the context's cache).
 */
export async function runSearch(
  context: SearchContext,
  query: SearchQuery,
  credentials: Credentials,
): Promise<SearchResultSet> {
  const limit = query.pageLimit ?? SEARCH_LIMITS.defaultPageLimit;
  const pageNumber = decodePageCursor(query.pageCursor);
  const page = { number: pageNumber, offset: pageNumber * limit, limit };
  const access = await typeAccess(context, query.types, credentials);
  if (access.types.length === 0) return { results: [], numberOfResults: 0 };
  const tokens = toSearchTokens(query.term);
  // A term of punctuation only (`"*"`, `-`) asks for no word: nothing matches it.
  if (tokens.length === 0 && query.term.trim() !== '') return { results: [], numberOfResults: 0 };
  const request: MatchRequest = { tokens, types: access.types, filters: query.filters ?? {} };
  const compute = () => answer(context, request, access, page, credentials);
  if (!context.cache || access.conditional.size > 0) return compute();
  const key = JSON.stringify([request.types, tokens, request.filters, page.offset, limit]);
  // Read before the search runs: an answer that may have seen a later write is kept under
  // the older version, which no later search asks for.
  return context.cache.answer(key, await context.engine.indexVersion(), compute);
}
