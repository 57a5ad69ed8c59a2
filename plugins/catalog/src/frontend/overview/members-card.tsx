import type { Entity } from '@atrium/catalog-model';
import { ErrorPanel, LoadingSkeleton } from '@atrium/ui';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useEntity } from '../blueprints/entity-context.js';
import { EntityRefLink } from '../components/entity-ref-link.js';
import { InfoCard } from '../components/info-card.js';
import { SafeLink } from '../components/safe-link.js';
import { EntityAvatar, entityProfile } from './entity-avatar.js';
import { useRelatedEntities } from './use-related-entities.js';

/**
 * The members of a group (its `hasMember` relations) with picture, name and email.
 *
 * @example
 * <MembersCard />
 */
export function MembersCard() {
  const entity = useEntity<Entity>();
  const { refs, related, error, refetch } = useRelatedEntities(entity, ['hasMember']);
  let body: ReactNode;
  if (refs.length === 0) {
    body = (
      <Typography variant="body2" color="text.secondary">
        This group has no members.
      </Typography>
    );
  } else if (error) body = <ErrorPanel error={error} onRetry={() => void refetch()} />;
  else if (!related) body = <LoadingSkeleton lines={3} />;
  else {
    body = (
      <Box
        component="ul"
        aria-label="Members"
        sx={{
          listStyle: 'none',
          p: 0,
          m: 0,
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
        }}
      >
        {related.map(({ ref, entity: member }) => {
          const { email } = entityProfile(member);
          return (
            <Box
              component="li"
              key={ref}
              sx={{ display: 'flex', gap: 1.5, alignItems: 'center', minWidth: 0 }}
            >
              {member && <EntityAvatar entity={member} />}
              <Box sx={{ minWidth: 0 }}>
                <EntityRefLink entityRef={member ?? ref} defaultKind="user" />
                {email && (
                  <Typography variant="body2" noWrap>
                    <SafeLink url={`mailto:${email}`}>{email}</SafeLink>
                  </Typography>
                )}
              </Box>
            </Box>
          );
        })}
      </Box>
    );
  }
  return (
    <InfoCard
      title="Members"
      subheader={refs.length > 0 ? `${refs.length} ${refs.length === 1 ? 'member' : 'members'}` : undefined}
    >
      {body}
    </InfoCard>
  );
}
