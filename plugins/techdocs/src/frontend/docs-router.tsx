import { Page } from '@atrium/ui';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { DocsIndexPage } from './index-page/docs-index-page.js';
import { TechDocsReader } from './reader/techdocs-reader.js';

function ReaderPage({ basePath }: { basePath: string }) {
  const params = useParams();
  const navigate = useNavigate();
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
        onPageChange={(p) => navigate(`${basePath}/${entity.namespace}/${entity.kind}/${entity.name}/${p}`)}
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
