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
import { VersionSelect } from './version-select.js';

// The version built from the source the entity's annotation names (the backend's default).
const DEFAULT_VERSION = 'latest';

/** Props of {@link TechDocsReader}. */
export interface TechDocsReaderProps {
  entity: DocsEntityName;
  /** The page to show (controlled, e.g. from the URL); the reader keeps its own when absent. */
  pagePath?: string;
  onPageChange?(pagePath: string): void;
  /** The version to show (controlled, e.g. from `?version=`); the default one when absent. */
  version?: string;
  onVersionChange?(version: string | undefined): void;
}

/** The version shown (controlled by the props, or the reader's own) and how to switch it. */
function useVersion(props: TechDocsReaderProps): [string | undefined, (next: string) => void] {
  const [ownVersion, setOwnVersion] = useState<string | undefined>();
  const switchVersion = (next: string) => {
    const chosen = next === DEFAULT_VERSION ? undefined : next;
    if (props.onVersionChange) props.onVersionChange(chosen);
    else setOwnVersion(chosen);
  };
  return [props.onVersionChange ? props.version : ownVersion, switchVersion];
}

/** The docs reader: navigation, page, table of contents, in-docs search, edit link and build status. */
export function TechDocsReader(props: TechDocsReaderProps) {
  const { entity, pagePath, onPageChange } = props;
  const [ownPage, setOwnPage] = useState('index');
  const current = pagePath ?? ownPage;
  const [version, switchVersion] = useVersion(props);
  const { api, site, page, liveLog, syncing, rebuild } = useDocsSite(entity, current, version);
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
        <VersionSelect versions={data.versions} current={data.version} onChange={switchVersion} />
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
      </Box>
    </Box>
  );
}
