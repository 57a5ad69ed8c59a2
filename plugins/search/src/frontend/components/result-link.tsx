import { isSafeUrl } from '@atrium/ui';
import { Link as MuiLink } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';

/** A result's location as a link: app paths through the router, other URLs only when safe. */
export function ResultLink({
  location,
  children,
  onClick,
}: {
  location: string;
  children: ReactNode;
  onClick?: () => void;
}) {
  if (location.startsWith('/') && !location.startsWith('//')) {
    return (
      <MuiLink component={RouterLink} to={location} onClick={onClick} underline="hover">
        {children}
      </MuiLink>
    );
  }
  if (isSafeUrl(location)) {
    return (
      <MuiLink href={location} onClick={onClick} underline="hover" rel="noopener noreferrer">
        {children}
      </MuiLink>
    );
  }
  return <>{children}</>;
}
