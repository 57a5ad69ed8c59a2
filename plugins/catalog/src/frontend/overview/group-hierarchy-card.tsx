import type { Entity } from '@atrium/catalog-model';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEntity } from '../blueprints/entity-context.js';
import { EntityRefLink } from '../components/entity-ref-link.js';
import { InfoCard } from '../components/info-card.js';

function refsOf(entity: Entity, type: string): string[] {
  return [...new Set((entity.relations ?? []).filter((r) => r.type === type).map((r) => r.targetRef))].sort();
}

function RefList({ label, refs, emptyText }: { label: string; refs: string[]; emptyText: string }) {
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2" component="h3">
        {label}
      </Typography>
      {refs.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {emptyText}
        </Typography>
      ) : (
        <Box component="ul" aria-label={label} sx={{ m: 0, pl: 2.5 }}>
          {refs.map((ref) => (
            <li key={ref}>
              <EntityRefLink entityRef={ref} defaultKind="group" />
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

/**
 * A group's place in the organisation: its parent group and its child groups.
 *
 * @example
 * <GroupHierarchyCard />
 */
export function GroupHierarchyCard() {
  const entity = useEntity<Entity>();
  return (
    <InfoCard title="Groups">
      <RefList label="Parent group" refs={refsOf(entity, 'childOf')} emptyText="No parent group." />
      <RefList label="Child groups" refs={refsOf(entity, 'parentOf')} emptyText="No child groups." />
    </InfoCard>
  );
}
