import { type Entity, type EntityLink, parseEntityRef } from '@atrium/catalog-model';
import { TagChips } from '@atrium/ui';
import LinkIcon from '@mui/icons-material/Link';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { EntityRefLink } from '../components/entity-ref-link.js';
import { entityDisplayName } from '../components/entity-route.js';
import { SafeLink } from '../components/safe-link.js';

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0, fontWeight: 500 }}>
        {children}
      </Typography>
    </Box>
  );
}

function OwnerFact({ entity }: { entity: Entity }) {
  const owner = text(entity.spec?.owner);
  if (!owner) return null;
  let ownerLink: ReactNode;
  try {
    const ref = parseEntityRef(owner, { defaultKind: 'group', defaultNamespace: entity.metadata.namespace });
    ownerLink = <EntityRefLink entityRef={ref} defaultKind="group" />;
  } catch {
    ownerLink = owner;
  }
  return <Fact label="Owner">{ownerLink}</Fact>;
}

function links(entity: Entity): EntityLink[] {
  const value = entity.metadata.links;
  return Array.isArray(value) ? value.filter((link) => typeof link?.url === 'string') : [];
}

/** Props of {@link EntityHeader}. */
export interface EntityHeaderProps {
  entity: Entity;
  /** Buttons at the right, e.g. star and refresh. */
  actions?: ReactNode;
}

/**
 * The top of an entity page: kind and type, title, owner, lifecycle, namespace, tags and
 * links. Every value renders as text; links only when their URL is safe.
 *
 * @example
 * <EntityHeader entity={entity} actions={<StarButton ... />} />
 */
export function EntityHeader({ entity, actions }: EntityHeaderProps) {
  const type = text(entity.spec?.type);
  const lifecycle = text(entity.spec?.lifecycle);
  const namespace = entity.metadata.namespace ?? 'default';
  const entityLinks = links(entity);
  return (
    <Box
      component="header"
      sx={{
        px: { xs: 2, md: 4 },
        pt: { xs: 3, md: 4 },
        pb: 2,
        bgcolor: 'background.paper',
        display: 'flex',
        gap: 2,
        // On a narrow screen the actions take their own row instead of squeezing the title.
        flexDirection: { xs: 'column-reverse', sm: 'row' },
      }}
    >
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Typography variant="overline" color="text.secondary">
          {type ? `${entity.kind} · ${type}` : entity.kind}
        </Typography>
        <Typography variant="h4" component="h1" sx={{ wordBreak: 'break-word' }}>
          {entityDisplayName(entity)}
        </Typography>
        <Box component="dl" sx={{ display: 'flex', flexWrap: 'wrap', gap: { xs: 2, md: 4 }, mt: 1.5, mb: 0 }}>
          <OwnerFact entity={entity} />
          {lifecycle && (
            <Fact label="Lifecycle">
              <Chip
                size="small"
                label={lifecycle}
                color={lifecycle === 'production' ? 'success' : 'default'}
              />
            </Fact>
          )}
          {namespace !== 'default' && <Fact label="Namespace">{namespace}</Fact>}
          {(entity.metadata.tags?.length ?? 0) > 0 && (
            <Fact label="Tags">
              <Box sx={{ mt: 0.25 }}>
                <TagChips tags={entity.metadata.tags ?? []} />
              </Box>
            </Fact>
          )}
        </Box>
        {entityLinks.length > 0 && (
          <Box
            component="ul"
            aria-label="Links"
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, listStyle: 'none', p: 0, mt: 1.5, mb: 0 }}
          >
            {entityLinks.map((link, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: links may repeat a URL; their order is their identity
              <Box component="li" key={index} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                <LinkIcon fontSize="small" color="action" />
                <SafeLink url={link.url}>{link.title ?? link.url}</SafeLink>
              </Box>
            ))}
          </Box>
        )}
      </Box>
      {actions && (
        <Box
          sx={{
            display: 'flex',
            alignItems: 'flex-start',
            justifyContent: 'flex-end',
            gap: 1,
            flexShrink: 0,
            mt: { xs: -1.5, sm: 0 },
          }}
        >
          {actions}
        </Box>
      )}
    </Box>
  );
}
