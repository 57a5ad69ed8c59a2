import { NotFoundPage } from '@atrium/ui';
import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { RemovedOrNotFound } from '../live/removed-pages.js';

/** A page as the router mounts it. */
export interface AppRoute {
  /** The page extension's id, also the React key. */
  id: string;
  path: string;
  element: ReactElement;
}

/** Props of {@link AppRoutes}. */
export interface AppRoutesProps {
  routes: readonly AppRoute[];
  /** Shown for paths no page matches (unless a live layout change removed the page there); the standard not-found page by default. */
  notFound?: ReactElement;
}

/** `/` matches only itself; any other page also owns the paths below it, for its own sub-routes. */
function routePattern(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : `${trimmed}/*`;
}

/**
 * Mounts the pages at their paths, with the not-found page for everything else.
 *
 * @example
 * <AppRoutes routes={[{ id: 'page:catalog', path: '/catalog', element: <CatalogPage /> }]} />
 */
export function AppRoutes({ routes, notFound }: AppRoutesProps) {
  return (
    <Routes>
      {routes.map((route) => (
        <Route key={route.id} path={routePattern(route.path)} element={route.element} />
      ))}
      <Route path="*" element={<RemovedOrNotFound notFound={notFound ?? <NotFoundPage />} />} />
    </Routes>
  );
}
