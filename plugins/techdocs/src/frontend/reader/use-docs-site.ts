import { useApi } from '@atrium/web-kernel';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { type DocsEntityName, techdocsApiRef } from '../api/techdocs-client.js';

const key = (entity: DocsEntityName) => ['techdocs', entity.namespace, entity.kind, entity.name];

/** A site (of a version, when given), the current page's HTML, and a rebuild that streams its log. */
export function useDocsSite(entity: DocsEntityName, pagePath: string, version?: string) {
  const api = useApi(techdocsApiRef);
  const queryClient = useQueryClient();
  const site = useQuery({
    queryKey: [...key(entity), 'site', version ?? ''],
    queryFn: () => api.getSite(entity, version),
    // While nothing is built yet, look again until the first build is done.
    refetchInterval: (query) =>
      query.state.data && query.state.data.buildTimestamp === null && query.state.data.status !== 'failed'
        ? 1000
        : false,
  });
  const built = site.data?.pages.some((p) => p.path === pagePath) ?? false;
  const page = useQuery({
    queryKey: [...key(entity), 'page', version ?? '', pagePath, site.data?.buildTimestamp],
    queryFn: () => api.getPageHtml(entity, pagePath, version),
    enabled: built,
  });
  const [liveLog, setLiveLog] = useState<string[]>([]);
  const [syncing, setSyncing] = useState(false);
  const rebuild = useCallback(async () => {
    setSyncing(true);
    setLiveLog([]);
    try {
      await api.sync(entity, (line) => setLiveLog((lines) => [...lines, line]), version);
    } catch (error) {
      setLiveLog((lines) => [...lines, `error: ${(error as Error).message}`]);
    } finally {
      setSyncing(false);
      await queryClient.invalidateQueries({ queryKey: key(entity) });
    }
  }, [api, entity, queryClient, version]);
  return { api, site, page, liveLog, syncing, rebuild };
}
