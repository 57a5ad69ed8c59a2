import { type Entity, parseEntityRef, parseLocationRef } from '@atrium/catalog-model';
import { TagChips } from '@atrium/ui';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useEntity } from '../blueprints/entity-context.js';
import { EntityRefLink } from '../components/entity-ref-link.js';
import { InfoCard } from '../components/info-card.js';
import { SafeLink } from '../components/safe-link.js';

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function RefValue({ entity, value, defaultKind }: { entity: Entity; value: unknown; defaultKind: string }) {
  const ref = text(value);
  if (!ref) return null;
  try {
    const compound = parseEntityRef(ref, { defaultKind, defaultNamespace: entity.metadata.namespace });
    return <EntityRefLink entityRef={compound} defaultKind={defaultKind} />;
  } catch {
    return <>{ref}</>;
  }
}

/** The browser URL of a `url:` location annotation; other location types have none. */
function locationUrl(annotation: string | undefined): string | undefined {
  if (!annotation) return undefined;
  try {
    const location = parseLocationRef(annotation);
    return location.type === 'url' ? location.target : undefined;
  } catch {
    return undefined;
  }
}

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Box sx={{ gridColumn: wide ? '1 / -1' : undefined, minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="dt" sx={{ textTransform: 'uppercase' }}>
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0, wordBreak: 'break-word' }}>
        {children ?? '—'}
      </Typography>
    </Box>
  );
}

/**
 * The About card: description, owner, system, parent, type, lifecycle and tags, with
 * links to the source, the descriptor and its edit page taken from annotations (shown as
 * links only when their URL is safe).
 *
 * @example
 * <AboutCard />
 */
export function AboutCard() {
  const entity = useEntity<Entity>();
  const { spec = {}, metadata } = entity;
  const annotations = metadata.annotations ?? {};
  const source = locationUrl(annotations['backstage.io/source-location']);
  const view = text(annotations['backstage.io/view-url']);
  const edit = text(annotations['backstage.io/edit-url']);
  const actions = [
    source && { label: 'View source', url: source },
    view && { label: 'View descriptor', url: view },
    edit && { label: 'Edit descriptor', url: edit },
  ].filter((action): action is { label: string; url: string } => Boolean(action));
  return (
    <InfoCard title="About">
      <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', mb: 2 }}>
        {text(metadata.description) ?? 'No description.'}
      </Typography>
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 2, m: 0 }}
      >
        {spec.owner !== undefined && (
          <Field label="Owner">
            <RefValue entity={entity} value={spec.owner} defaultKind="group" />
          </Field>
        )}
        {spec.system !== undefined && (
          <Field label="System">
            <RefValue entity={entity} value={spec.system} defaultKind="system" />
          </Field>
        )}
        {spec.domain !== undefined && (
          <Field label="Domain">
            <RefValue entity={entity} value={spec.domain} defaultKind="domain" />
          </Field>
        )}
        {spec.subcomponentOf !== undefined && (
          <Field label="Parent component">
            <RefValue entity={entity} value={spec.subcomponentOf} defaultKind="component" />
          </Field>
        )}
        {text(spec.type) && <Field label="Type">{text(spec.type)}</Field>}
        {text(spec.lifecycle) && <Field label="Lifecycle">{text(spec.lifecycle)}</Field>}
        <Field label="Tags" wide>
          {(metadata.tags?.length ?? 0) > 0 ? <TagChips tags={metadata.tags ?? []} /> : 'No tags'}
        </Field>
      </Box>
      {actions.length > 0 && (
        <Box
          component="ul"
          aria-label="Source links"
          sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, listStyle: 'none', p: 0, mt: 2, mb: 0 }}
        >
          {actions.map((action) => (
            <li key={action.label}>
              <SafeLink url={action.url}>{action.label}</SafeLink>
            </li>
          ))}
        </Box>
      )}
    </InfoCard>
  );
}
