import { EmptyState } from '@atrium/ui';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router';

/**
 * Shown for an entity page path that no tab answers, e.g. the API tab of a Component.
 *
 * @example
 * <Route path="*" element={<EntityTabNotFound basePath="/catalog/default/component/x" />} />
 */
export function EntityTabNotFound({ basePath }: { basePath: string }) {
  return (
    <EmptyState
      title="This entity has no such page"
      description="The tab may not apply to this kind of entity, or its plugin is not installed."
      action={
        <Button variant="contained" component={RouterLink} to={basePath}>
          Go to the overview
        </Button>
      }
    />
  );
}
