import { createContext, useContext } from 'react';
import type { FormField } from './blueprints/form-field-blueprint.js';

/** Paths of the scaffolder's screens below its mount point (`/create` by default). */
export interface ScaffolderRoutes {
  gallery: string;
  template(namespace: string, name: string): string;
  tasks: string;
  task(taskId: string): string;
  editor: string;
}

/** What every scaffolder screen shares: the custom form fields and the route helpers. */
export interface ScaffolderContextValue {
  formFields: readonly FormField[];
  routes: ScaffolderRoutes;
}

/**
 * The scaffolder's paths under a base path.
 *
 * @example
 * scaffolderRoutes('/create').task('abc'); // '/create/tasks/abc'
 */
export function scaffolderRoutes(basePath: string): ScaffolderRoutes {
  const base = basePath.replace(/\/+$/, '');
  const enc = encodeURIComponent;
  return {
    gallery: base || '/',
    template: (namespace, name) => `${base}/templates/${enc(namespace)}/${enc(name)}`,
    tasks: `${base}/tasks`,
    task: (taskId) => `${base}/tasks/${enc(taskId)}`,
    editor: `${base}/edit`,
  };
}

const ScaffolderContext = createContext<ScaffolderContextValue>({
  formFields: [],
  routes: scaffolderRoutes('/create'),
});

/** Provides the shared scaffolder context to its screens. */
export const ScaffolderContextProvider = ScaffolderContext.Provider;

/** The custom form fields and route helpers of the scaffolder page. */
export function useScaffolderContext(): ScaffolderContextValue {
  return useContext(ScaffolderContext);
}
