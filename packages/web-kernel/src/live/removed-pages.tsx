import { EmptyState, Link } from '@atrium/ui';
import { createContext, type ReactElement, useContext } from 'react';
import { useLocation } from 'react-router';

/** Page paths that an applied frontend state removed while the app was open. */
export const RemovedPagesContext = createContext<ReadonlySet<string>>(new Set());

const isUnder = (pathname: string, page: string) => {
  const base = page.replace(/\/+$/, '');
  return base === '' ? pathname === '/' : pathname === base || pathname.startsWith(`${base}/`);
};

/**
 * What a path no page matches shows: when an administrator removed the page that lived there
 * while the app was open, a notice saying so; otherwise the app's not-found page.
 */
export function RemovedOrNotFound({ notFound }: { notFound: ReactElement }) {
  const removed = useContext(RemovedPagesContext);
  const { pathname } = useLocation();
  if (![...removed].some((page) => isUnder(pathname, page))) return notFound;
  return (
    <div role="alert">
      <EmptyState
        title="This page was removed by an administrator"
        description={`The portal layout changed while you were here, and ${pathname} is no longer part of it.`}
        action={<Link to="/">Go home</Link>}
      />
    </div>
  );
}
