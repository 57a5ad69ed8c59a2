import { isSafeLinkUrl } from '@atrium/catalog-model';
import { Link } from '@atrium/ui';
import type { ReactNode } from 'react';

/** Props of {@link SafeLink}. */
export interface SafeLinkProps {
  /** A URL from entity data, which anyone who can register a file controls. */
  url: string;
  children?: ReactNode;
}

/**
 * A link for URLs taken from entity data: only absolute http(s) and mailto URLs become
 * links; anything else (`javascript:`, `data:`, relative paths) is shown as inert text.
 *
 * @example
 * <SafeLink url={link.url}>{link.title ?? link.url}</SafeLink>
 */
export function SafeLink({ url, children }: SafeLinkProps) {
  if (isSafeLinkUrl(url)) return <Link to={url}>{children ?? url}</Link>;
  return (
    <span data-unsafe-link="true" title="Not shown as a link: only http(s) and mailto addresses are allowed">
      {children ?? url}
    </span>
  );
}
