import type { Entity, EntityStatusItem } from '@atrium/catalog-model';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';

function problems(entity: Entity): EntityStatusItem[] {
  const items = entity.status?.items;
  if (!Array.isArray(items)) return [];
  return items.filter(
    (item) => typeof item?.message === 'string' && (item.level === 'error' || item.level === 'warning'),
  );
}

/**
 * The entity's processing errors and warnings from `status.items`, shown first on the
 * overview: a failed refresh keeps the last good data, so this is the only sign of it.
 *
 * @example
 * <ProcessingErrors entity={entity} />
 */
export function ProcessingErrors({ entity }: { entity: Entity }) {
  const items = problems(entity);
  if (items.length === 0) return null;
  const errors = items.filter((item) => item.level === 'error');
  return (
    <Alert
      severity={errors.length > 0 ? 'error' : 'warning'}
      sx={{ mb: 3 }}
      aria-label="Processing errors"
      role="alert"
    >
      <AlertTitle>
        {errors.length > 0
          ? `Processing failed with ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`
          : 'Processing reported warnings'}
      </AlertTitle>
      The catalog shows the last good version of this entity until the problems below are fixed.
      <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5 }}>
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: identical messages may repeat; order is identity
          <li key={index}>
            <Box component="span" sx={{ fontWeight: 600 }}>
              {item.error?.name ?? item.level}
            </Box>
            {`: ${item.error?.message ?? item.message}`}
          </li>
        ))}
      </Box>
    </Alert>
  );
}
