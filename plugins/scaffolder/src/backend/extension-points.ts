import { defineExtensionPoint } from '@atrium/kernel';
import type { TemplateAction } from './actions/template-action.js';

/** Answers `POST /v2/autocomplete/:provider/:resource` for one provider (used by form pickers). */
export interface AutocompleteHandler {
  /** The `:provider` path segment, e.g. `github`. */
  provider: string;
  handle(request: {
    resource: string;
    token: string;
    context: Record<string, string>;
  }): Promise<{ results: Array<{ id: string; title?: string }> }>;
}

/** A templating filter or global, as JavaScript source evaluated inside the templating sandbox. */
export interface TemplatingExtension {
  /** Filters by name: source of a function `(value, ...args) => result`, with docs. */
  filters?: Record<
    string,
    { source: string; description?: string; schema?: Record<string, unknown>; examples?: unknown[] }
  >;
  /** Global functions or values by name: source of a function or a JSON-able value. */
  globals?: Record<string, { source: string; kind: 'function' | 'value'; description?: string }>;
}

/** Actions added by modules, beside the built-in ones. */
export const scaffolderActionsPoint = defineExtensionPoint<TemplateAction>({ id: 'scaffolder.actions' });
/** Autocomplete providers for form pickers. */
export const scaffolderAutocompletePoint = defineExtensionPoint<AutocompleteHandler>({
  id: 'scaffolder.autocomplete',
});
/** Extra templating filters and globals (sandboxed like the built-in ones). */
export const scaffolderTemplatingPoint = defineExtensionPoint<TemplatingExtension>({
  id: 'scaffolder.templating',
});
