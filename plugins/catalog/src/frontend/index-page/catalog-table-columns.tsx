import { type Entity, parseEntityRef, stringifyEntityRef } from '@atrium/catalog-model';
import { type DataTableColumn, Link, TagChips } from '@atrium/ui';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { EntityRefLink } from '../components/entity-ref-link.js';
import { entityDisplayName, entityRoute } from '../components/entity-route.js';
import { StarButton } from '../components/star-button.js';
import { VisuallyHidden } from '../components/visually-hidden.js';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function NameCell({ entity }: { entity: Entity }) {
  const display = entityDisplayName(entity);
  return (
    // Names like `service-00` must not break at their hyphen in a narrow column, but a
    // long one without spaces (a generated location's) wraps rather than widening the
    // column until the description leaves the screen.
    <Box
      sx={{
        minWidth: 140,
        maxWidth: 280,
        hyphens: 'none',
        overflowWrap: 'anywhere',
        '& a': { wordBreak: 'normal' },
      }}
    >
      <Link to={entityRoute(entity)} sx={{ fontWeight: 600 }}>
        {display}
      </Link>
      {display !== entity.metadata.name && (
        <Typography variant="caption" color="text.secondary" component="div">
          {entity.metadata.name}
        </Typography>
      )}
    </Box>
  );
}

function OwnerCell({ entity }: { entity: Entity }) {
  const owner = text(entity.spec?.owner);
  if (!owner) return null;
  try {
    // spec.owner defaults to kind Group and the entity's own namespace (catalog contract §5).
    const ref = parseEntityRef(owner, { defaultKind: 'group', defaultNamespace: entity.metadata.namespace });
    return <EntityRefLink entityRef={ref} defaultKind="group" />;
  } catch {
    return <span>{owner}</span>;
  }
}

/**
 * The catalog table's columns, like Backstage's: star, name, kind, type, owner, lifecycle,
 * description with the tags below it. Sortable ids match `sortFields`; clicking a tag filters by it.
 *
 * @example
 * <DataTable columns={catalogTableColumns((tag) => setFacet('tag', [tag]))} ... />
 */
export function catalogTableColumns(onTagSelect: (tag: string) => void): DataTableColumn<Entity>[] {
  return [
    {
      id: 'star',
      header: <VisuallyHidden>Starred</VisuallyHidden>,
      width: 48,
      render: (entity) => (
        <StarButton entityRef={stringifyEntityRef(entity)} entityName={entityDisplayName(entity)} />
      ),
    },
    { id: 'name', header: 'Name', isSortable: true, render: (entity) => <NameCell entity={entity} /> },
    { id: 'kind', header: 'Kind', isSortable: true, render: (entity) => entity.kind },
    { id: 'type', header: 'Type', isSortable: true, render: (entity) => text(entity.spec?.type) },
    { id: 'owner', header: 'Owner', isSortable: true, render: (entity) => <OwnerCell entity={entity} /> },
    {
      id: 'lifecycle',
      header: 'Lifecycle',
      isSortable: true,
      render: (entity) => text(entity.spec?.lifecycle),
    },
    {
      id: 'description',
      header: 'Description',
      // Tags sit under the description: one column fewer keeps the table within the page.
      render: (entity) => (
        <Box sx={{ minWidth: 200, maxWidth: 360 }}>
          <Typography
            variant="body2"
            sx={{
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
              overflow: 'hidden',
            }}
          >
            {text(entity.metadata.description)}
          </Typography>
          {(entity.metadata.tags?.length ?? 0) > 0 && (
            <Box sx={{ mt: 0.5 }}>
              <TagChips tags={entity.metadata.tags ?? []} onSelect={onTagSelect} />
            </Box>
          )}
        </Box>
      ),
    },
  ];
}
