import type { ApiClient } from '@atrium/http-api';
import { defineApiRef } from '@atrium/web-kernel';
import type { searchApi } from '../common/search-api.js';

/** The search API as the browser uses it: the client derived from `searchApi`. */
export type SearchApi = ApiClient<typeof searchApi.routes>;

/** Ref of the search API; other plugins use it through `useApi(searchApiRef)`. */
export const searchApiRef = defineApiRef<SearchApi>({ id: 'plugin.search.service' });
