import { Page } from '@atrium/ui';
import { Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import { DocsIndexPage } from './index-page/docs-index-page.js';
import { TechDocsReader } from './reader/techdocs-reader.js';

/** A reader URL; `?version=` names a version other than the default. */
function readerUrl(
  basePath: string,
  entity: { namespace: string; kind: string; name: string },
  pagePath: string,
  version: string | undefined,
): string {
  const query = version ? `?version=${encodeURIComponent(version)}` : '';
  return `${basePath}/${entity.namespace}/${entity.kind}/${entity.name}/${pagePath}${query}`;
}

function ReaderPage({ basePath }: { basePath: string }) {
  const params = useParams();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const version = search.get('version') ?? undefined;
  const entity = {
    namespace: params.namespace ?? 'default',
    kind: params.kind ?? '',
    name: params.name ?? '',
  };
  const pagePath = params['*'] || 'index';
  return (
    <Page title={entity.name} subtitle={`Docs of ${entity.kind}:${entity.namespace}/${entity.name}`}>
      <TechDocsReader
        entity={entity}
        pagePath={pagePath}
        onPageChange={(p) => navigate(readerUrl(basePath, entity, p, version))}
        version={version}
        onVersionChange={(v) => navigate(readerUrl(basePath, entity, pagePath, v))}
      />
    </Page>
  );
}

/** `/docs` (the index) and `/docs/:namespace/:kind/:name/*` (a site's page). */
export function DocsRouter({ basePath }: { basePath: string }) {
  return (
    <Routes>
      <Route index element={<DocsIndexPage basePath={basePath} />} />
      <Route path=":namespace/:kind/:name/*" element={<ReaderPage basePath={basePath} />} />
    </Routes>
  );
}
