import { InputError } from '@atrium/errors';
import { parse, stringify } from 'yaml';
import type { ExtensionEntry } from '../../common/frontend-state.js';
import { layoutOverridesSchema } from '../../common/layout.js';

/** The effective layout as `app-config.yaml` text, ready to paste under the config's `app:`. */
export function layoutToYaml(entries: readonly ExtensionEntry[]): string {
  return `# The portal layout (app.extensions), exported from Administration > Layout.\n${stringify({ app: { extensions: entries } })}`;
}

function extensionsIn(document: unknown): unknown {
  if (Array.isArray(document)) return document;
  const app = (document as { app?: { extensions?: unknown } } | null)?.app;
  if (app && typeof app === 'object' && 'extensions' in app) return app.extensions;
  throw new InputError(
    "the imported YAML holds no layout: give an app-config.yaml with 'app: extensions: [...]', or a bare list of app.extensions entries",
  );
}

/**
 * Reads the layout from `app-config.yaml` text (its `app.extensions`) or a bare YAML list.
 * Bad YAML or entries get an InputError naming the problem.
 *
 * @example
 * layoutFromYaml('app:\n  extensions:\n    - nav-item:search: false\n'); // [{ 'nav-item:search': false }]
 */
export function layoutFromYaml(text: string): ExtensionEntry[] {
  let document: unknown;
  try {
    // Plain data only: no custom tags, and a bound on alias expansion ("billion laughs").
    document = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new InputError(`the imported layout is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = layoutOverridesSchema.safeParse(extensionsIn(document));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `the imported app.extensions is not valid at ${issue?.path.join('.') || '(list)'}: ${issue?.message}; each entry is an id, or '<id>: false', or '<id>: { disabled, attachTo, config }'`,
    );
  }
  return parsed.data;
}
