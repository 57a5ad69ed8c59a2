import { useEntity } from '@atrium/catalog/frontend';
import { TechDocsReader } from './reader/techdocs-reader.js';

/** The entity page's "Docs" tab: the reader for the entity's docs (or the ones it delegates to). */
export function EntityDocsTab() {
  const entity = useEntity();
  const name = {
    namespace: entity.metadata.namespace ?? 'default',
    kind: entity.kind.toLowerCase(),
    name: entity.metadata.name,
  };
  return <TechDocsReader entity={name} />;
}
