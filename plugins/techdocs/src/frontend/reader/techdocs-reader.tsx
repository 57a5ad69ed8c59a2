import { ErrorPanel, Progress } from '@atrium/ui';
import { Alert, Box, Link, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { DocsEntityName } from '../api/techdocs-client.js';
import { BuildStatus } from './build-status.js';
import { DocsSearch } from './docs-search.js';
import { PageContent } from './page-content.js';
import { PageToc } from './page-toc.js';
import { SiteNav } from './site-nav.js';
import { useDocsSite } from './use-docs-site.js';

/** Props of {@link TechDocsReader}. */
export interface TechDocsReaderProps {
  entity: DocsEntityName;
  /** The page to show (controlled, e.g. from the URL); the reader keeps its own when absent. */
  pagePath?: string;
  onPageChange?(pagePath: string): void;
}

/** The docs reader: navigation, page, table of contents, in-docs search, edit link and build status. */
export function TechDocsReader({ entity, pagePath, onPageChange }: TechDocsReaderProps) {
  const [ownPage, setOwnPage] = useState('index');
  const current = pagePath ?? ownPage;
  const { api, site, page, liveLog, syncing, rebuild } = useDocsSite(entity, current);
  const [hash, setHash] = useState('');
  const go = (path: string, nextHash = '') => {
    setHash(nextHash);
    if (onPageChange) onPageChange(path);
    else setOwnPage(path);
  };
  useEffect(() => {
    if (page.data && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [page.data, hash]);
  if (site.isPending) return <Progress />;
  if (site.error) return <ErrorPanel error={site.error} title="Could not load the docs" />;
  const data = site.data;
  const info = data.pages.find((p) => p.path === current);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '220px 1fr 200px' }, gap: 3 }}>
      <Box>
        <Typography variant="h6" component="h2">
          {data.siteName}
        </Typography>
        <DocsSearch pages={data.pages} onSelect={(p) => go(p)} />
        <SiteNav nav={data.nav} current={current} onSelect={(p) => go(p)} />
      </Box>
      <Box component="article" aria-label={info?.title ?? 'Docs page'} sx={{ minWidth: 0 }}>
        <BuildStatus site={data} liveLog={liveLog} syncing={syncing} onRebuild={() => void rebuild()} />
        {data.buildTimestamp === null && data.status !== 'failed' && (
          <Alert severity="info">The docs are being built…</Alert>
        )}
        {data.buildTimestamp !== null && !info && (
          <Alert severity="warning">This site has no page '{current}'.</Alert>
        )}
        {page.error && <ErrorPanel error={page.error} title="Could not load the page" />}
        {page.data && <PageContent html={page.data} api={api} onNavigate={go} />}
        {info?.editUrl && (
          <Link
            href={info.editUrl}
            target="_blank"
            rel="noopener noreferrer"
            sx={{ display: 'inline-block', mt: 2 }}
          >
            Edit this page
          </Link>
        )}
      </Box>
      <Box sx={{ display: { xs: 'none', md: 'block' } }}>
        <PageToc toc={info?.toc ?? []} />
        {data.versions.length > 0 && (
          <Typography variant="caption" display="block" sx={{ mt: 2 }}>
            Version: {data.versions.join(', ')}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
