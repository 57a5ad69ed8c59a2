import { parse } from 'yaml';
import type { JsonObject, TemplateParameterSchema } from '../../common/index.js';

/** A pasted template, read: the entity and its form, or why it cannot be used. */
export type ParsedTemplate =
  | { ok: true; entity: JsonObject; parameters: TemplateParameterSchema }
  | { ok: false; message: string };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const defaultPageTitle = 'Please enter the following information';

/**
 * Reads template YAML and derives its form pages the way the parameter-schema endpoint
 * does (one page per `spec.parameters` item; `title`, `description` and `when` lifted out).
 *
 * @example
 * const parsed = parseTemplate(yamlText);
 * if (parsed.ok) render(<TemplateWizard parameters={parsed.parameters} ... />);
 */
export function parseTemplate(text: string): ParsedTemplate {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    return { ok: false, message: `The YAML cannot be read: ${(error as Error).message}` };
  }
  if (!isObject(document)) return { ok: false, message: 'The YAML must be one object: a Template entity.' };
  if (String(document.kind).toLowerCase() !== 'template') {
    return {
      ok: false,
      message: `kind is '${String(document.kind)}'; the editor runs entities of kind Template.`,
    };
  }
  const metadata = isObject(document.metadata) ? document.metadata : {};
  const spec = isObject(document.spec) ? document.spec : {};
  if (!Array.isArray(spec.steps))
    return { ok: false, message: 'spec.steps is missing: a template needs at least one step.' };
  const raw = spec.parameters;
  const pages = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(isObject);
  const presentation = isObject(spec.presentation) ? spec.presentation : undefined;
  return {
    ok: true,
    entity: document,
    parameters: {
      title: typeof metadata.title === 'string' ? metadata.title : String(metadata.name ?? 'Template'),
      description: typeof metadata.description === 'string' ? metadata.description : undefined,
      presentation: presentation as TemplateParameterSchema['presentation'],
      steps: pages.map((page) => {
        const { when, ...schema } = page;
        return {
          title: typeof page.title === 'string' ? page.title : defaultPageTitle,
          description: typeof page.description === 'string' ? page.description : undefined,
          when: typeof when === 'string' || typeof when === 'boolean' ? when : undefined,
          schema,
        };
      }),
    },
  };
}
