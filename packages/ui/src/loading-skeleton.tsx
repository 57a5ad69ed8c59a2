import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';

/** Props of {@link LoadingSkeleton}. */
export interface LoadingSkeletonProps {
  /** How many placeholder lines to draw. */
  lines?: number;
}

/**
 * Grey placeholder lines where content will appear, so the layout does not jump.
 *
 * @example
 * {query.isPending ? <LoadingSkeleton lines={5} /> : <EntityList entities={query.data} />}
 */
export function LoadingSkeleton({ lines = 3 }: LoadingSkeletonProps) {
  return (
    <Box role="progressbar" aria-label="Loading" aria-busy="true">
      {Array.from({ length: lines }, (_, index) => (
        // Lines are identical placeholders, so their position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no other identity
        <Skeleton key={index} variant="text" height={28} width={index === lines - 1 ? '60%' : '100%'} />
      ))}
    </Box>
  );
}
