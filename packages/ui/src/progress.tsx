import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useEffect, useState } from 'react';

/** Props of {@link Progress}. */
export interface ProgressProps {
  /** Wait this long before showing the spinner, so fast loads do not flash. */
  delayMs?: number;
  /** Accessible name of the spinner. */
  label?: string;
}

/**
 * A centred spinner shown while something loads, after a short delay.
 *
 * @example
 * if (query.isPending) return <Progress />;
 */
export function Progress({ delayMs = 250, label = 'Loading' }: ProgressProps) {
  const [isVisible, setVisible] = useState(delayMs <= 0);
  useEffect(() => {
    if (delayMs <= 0) return;
    const timer = setTimeout(() => setVisible(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  if (!isVisible) return <Box data-testid="progress-pending" sx={{ minHeight: 48 }} />;
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', alignItems: 'center', py: 6 }}>
      <CircularProgress size={32} aria-label={label} />
    </Box>
  );
}
