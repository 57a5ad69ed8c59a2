import type { JsonObject, TemplateParameterSchema } from '../../common/index.js';
import { splitUiSchema } from './split-ui-schema.js';

/** One page of the template form, ready for rjsf. */
export interface FormPage {
  /** Position among all pages, stable while `when` hides and shows pages. */
  index: number;
  title: string;
  description?: string;
  when?: string | boolean;
  schema: JsonObject;
  uiSchema: JsonObject;
}

function hideRjsfErrorsOfCustomFields(uiSchema: JsonObject, customFields: ReadonlySet<string>): void {
  for (const value of Object.values(uiSchema)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    // Custom fields show their own messages next to their inputs; rjsf would repeat them.
    if (typeof value['ui:field'] === 'string' && customFields.has(value['ui:field']))
      value['ui:hideError'] = true;
    hideRjsfErrorsOfCustomFields(value, customFields);
  }
}

/**
 * Turns the parameter-schema answer into form pages: `ui:*` hints split out, the page's
 * own title and description taken off the schema (the wizard shows them as the heading).
 *
 * @example
 * const pages = toFormPages(parameterSchema, new Set(['EntityPicker']));
 */
export function toFormPages(
  parameters: TemplateParameterSchema,
  customFields: ReadonlySet<string>,
): FormPage[] {
  return parameters.steps.map((step, index) => {
    // Parsed from JSON, so its values are JSON values.
    const { schema, uiSchema } = splitUiSchema(step.schema as JsonObject);
    const { title, description, ...rest } = schema;
    hideRjsfErrorsOfCustomFields(uiSchema, customFields);
    return {
      index,
      title: step.title || (typeof title === 'string' ? title : `Step ${index + 1}`),
      description: step.description ?? (typeof description === 'string' ? description : undefined),
      when: typeof step.when === 'string' || typeof step.when === 'boolean' ? step.when : undefined,
      schema: { type: 'object', ...rest },
      uiSchema,
    };
  });
}
