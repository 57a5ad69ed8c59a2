import type { Entity } from '@atrium/catalog-model';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEntity } from '../blueprints/entity-context.js';
import { entityDisplayName } from '../components/entity-route.js';
import { InfoCard } from '../components/info-card.js';
import { SafeLink } from '../components/safe-link.js';
import { EntityAvatar, entityProfile } from './entity-avatar.js';

/**
 * The profile of a User or Group: picture, display name, email and description.
 *
 * @example
 * <ProfileCard />
 */
export function ProfileCard() {
  const entity = useEntity<Entity>();
  const { email } = entityProfile(entity);
  const type = typeof entity.spec?.type === 'string' ? entity.spec.type : undefined;
  return (
    <InfoCard title="Profile">
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        <EntityAvatar entity={entity} size={72} />
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h6" component="p" sx={{ wordBreak: 'break-word' }}>
            {entityDisplayName(entity)}
          </Typography>
          {type && (
            <Typography variant="body2" color="text.secondary">
              {`${entity.kind} · ${type}`}
            </Typography>
          )}
          {email && (
            <Typography variant="body2">
              <SafeLink url={`mailto:${email}`}>{email}</SafeLink>
            </Typography>
          )}
        </Box>
      </Box>
      {entity.metadata.description && (
        <Typography variant="body2" sx={{ mt: 2, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {entity.metadata.description}
        </Typography>
      )}
    </InfoCard>
  );
}
