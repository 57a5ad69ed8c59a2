import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import type { ReactNode } from 'react';
import { useId } from 'react';

/** Props of {@link InfoCard}. */
export interface InfoCardProps {
  title: string;
  subheader?: ReactNode;
  /** Controls at the top right, e.g. a "View all" link. */
  action?: ReactNode;
  children?: ReactNode;
}

/**
 * A titled card of an entity page; it is a labelled region, so its heading names it.
 *
 * @example
 * <InfoCard title="About">{description}</InfoCard>
 */
export function InfoCard({ title, subheader, action, children }: InfoCardProps) {
  const headingId = useId();
  return (
    <Card component="section" aria-labelledby={headingId} sx={{ height: '100%' }}>
      <CardHeader
        title={title}
        subheader={subheader}
        action={action}
        slotProps={{
          title: { id: headingId, component: 'h2', variant: 'h6' },
          subheader: { variant: 'body2' },
        }}
        sx={{ pb: 0, '& .MuiCardHeader-action': { alignSelf: 'center', m: 0 } }}
      />
      <CardContent>{children}</CardContent>
    </Card>
  );
}
