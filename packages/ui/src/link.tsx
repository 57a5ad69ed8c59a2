import MuiLink, { type LinkProps as MuiLinkProps } from '@mui/material/Link';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { classifyUrl } from './safe-url.js';

/** Props of {@link Link}. */
export interface LinkProps extends Omit<MuiLinkProps, 'href' | 'children'> {
  /** An app path (`/catalog`), an http(s) URL or a mailto address. */
  to: string;
  children?: ReactNode;
}

/**
 * A link that renders only safe targets: app paths go through the router, http(s) opens
 * in a new tab, and anything else (`javascript:` and the like) is shown as plain text.
 *
 * @example
 * <Link to={entity.metadata.links[0].url}>Runbook</Link>
 */
export function Link({ to, children, ...rest }: LinkProps) {
  const kind = classifyUrl(to);
  const label = children ?? to;
  switch (kind) {
    case 'internal':
      return (
        <MuiLink component={RouterLink} to={to} {...rest}>
          {label}
        </MuiLink>
      );
    case 'external':
      return (
        <MuiLink href={to} target="_blank" rel="noopener noreferrer" {...rest}>
          {label}
        </MuiLink>
      );
    case 'mail':
      return (
        <MuiLink href={to} {...rest}>
          {label}
        </MuiLink>
      );
    default:
      // Keeps the text readable while making sure the target can never run.
      return (
        <span data-unsafe-link="true" title="This link was blocked because its address is not safe">
          {label}
        </span>
      );
  }
}
