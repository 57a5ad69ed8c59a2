import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { catalogImportPath, catalogIndexPath } from '../components/entity-route.js';
import type { EntityRouteParams } from './use-entity-by-route.js';

/**
 * What the entity page shows when the catalog has no entity of that name.
 *
 * @example
 * <EntityNotFound params={{ namespace: 'default', kind: 'component', name: 'gone' }} />
 */
export function EntityNotFound({ params }: { params: EntityRouteParams }) {
  return (
    <Box sx={{ textAlign: 'center', py: 12, px: 2 }}>
      <Typography variant="h2" component="p" color="text.secondary" sx={{ fontWeight: 700 }}>
        404
      </Typography>
      <Typography variant="h5" component="h1" gutterBottom>
        Entity not found
      </Typography>
      <Typography variant="body1" color="text.secondary" sx={{ mb: 3, wordBreak: 'break-word' }}>
        {`There is no ${params.kind} named "${params.name}" in namespace "${params.namespace}". `}
        It may have been renamed or removed, or not processed yet.
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'center' }}>
        <Button variant="contained" component={RouterLink} to={catalogIndexPath}>
          Back to the catalog
        </Button>
        <Button component={RouterLink} to={catalogImportPath}>
          Register existing component
        </Button>
      </Box>
    </Box>
  );
}
