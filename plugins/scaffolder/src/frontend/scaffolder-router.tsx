import { NotFoundPage, Progress } from '@atrium/ui';
import { lazy, Suspense, useMemo } from 'react';
import { Route, Routes } from 'react-router';
import type { FormField } from './blueprints/form-field-blueprint.js';
import { ScaffolderContextProvider, scaffolderRoutes } from './scaffolder-context.js';

// Each screen is its own chunk; the form and editor chunks alone pull in rjsf.
const TemplateGalleryPage = lazy(() =>
  import('./gallery/template-gallery-page.js').then((m) => ({ default: m.TemplateGalleryPage })),
);
const TemplateFormPage = lazy(() =>
  import('./form/template-form-page.js').then((m) => ({ default: m.TemplateFormPage })),
);
const TaskPage = lazy(() => import('./task/task-page.js').then((m) => ({ default: m.TaskPage })));
const TaskListPage = lazy(() =>
  import('./tasks/task-list-page.js').then((m) => ({ default: m.TaskListPage })),
);
const TemplateEditorPage = lazy(() =>
  import('./editor/template-editor-page.js').then((m) => ({ default: m.TemplateEditorPage })),
);

/** Props of {@link ScaffolderRouter}. */
interface ScaffolderRouterProps {
  formFields: readonly FormField[];
  /** Where the page is mounted, `/create` unless configured. */
  basePath: string;
}

/**
 * The scaffolder's screens below its mount point: gallery, form, task, task list, editor.
 *
 * @example
 * <ScaffolderRouter formFields={fields} basePath="/create" />
 */
export function ScaffolderRouter({ formFields, basePath }: ScaffolderRouterProps) {
  const value = useMemo(() => ({ formFields, routes: scaffolderRoutes(basePath) }), [formFields, basePath]);
  return (
    <ScaffolderContextProvider value={value}>
      <Suspense fallback={<Progress />}>
        <Routes>
          <Route index element={<TemplateGalleryPage />} />
          <Route path="templates/:namespace/:name" element={<TemplateFormPage />} />
          <Route path="tasks" element={<TaskListPage />} />
          <Route path="tasks/:taskId" element={<TaskPage />} />
          <Route path="edit" element={<TemplateEditorPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </ScaffolderContextProvider>
  );
}
