import { LoadingSkeleton } from '@atrium/ui';
import type { FieldProps, RegistryFieldsType } from '@rjsf/utils';
import { Suspense } from 'react';
import type { FormField } from '../blueprints/form-field-blueprint.js';

/** What the template form puts in rjsf's `formContext` for the adapter to find its field. */
interface ScaffolderFormContext {
  formFields: readonly FormField[];
}

/** Renders the extension named by the property's `ui:field`, with the kernel's `FormFieldProps`. */
function CustomFieldAdapter(props: FieldProps) {
  const name = props.uiSchema?.['ui:field'];
  const context = props.registry.formContext as ScaffolderFormContext | undefined;
  const field = context?.formFields.find((candidate) => candidate.name === name);
  if (!field) return null;
  const Component = field.component;
  const title = typeof props.schema.title === 'string' ? props.schema.title : props.name;
  return (
    <Suspense fallback={<LoadingSkeleton lines={1} />}>
      <Component
        value={props.formData}
        onChange={(value) => props.onChange(value, props.fieldPathId.path)}
        schema={props.schema as Record<string, unknown>}
        uiSchema={props.uiSchema as Record<string, unknown> | undefined}
        label={title}
        isRequired={props.required}
        isDisabled={props.disabled || props.readonly}
        errors={props.rawErrors}
      />
    </Suspense>
  );
}

/**
 * rjsf's `fields` registry for the custom fields contributed as extensions: each
 * `ui:field` name maps to an adapter that hands the field the kernel's `FormFieldProps`
 * (pass `formContext={{ formFields }}` to the form as well).
 *
 * @example
 * <Form fields={toRjsfFields(formFields)} formContext={{ formFields }} ... />
 */
export function toRjsfFields(formFields: readonly FormField[]): RegistryFieldsType {
  return Object.fromEntries(formFields.map((field) => [field.name, CustomFieldAdapter]));
}

/**
 * Runs the extra checks of the custom fields used on a page (top-level properties only)
 * and returns rjsf's error tree; empty when everything passed.
 *
 * @example
 * await validateCustomFields(uiSchema, values, formFields); // { name: { __errors: ['...'] } }
 */
export async function validateCustomFields(
  uiSchema: Record<string, unknown>,
  values: Record<string, unknown>,
  formFields: readonly FormField[],
): Promise<Record<string, { __errors: string[] }>> {
  const tree: Record<string, { __errors: string[] }> = {};
  for (const [property, ui] of Object.entries(uiSchema)) {
    const name =
      typeof ui === 'object' && ui !== null ? (ui as Record<string, unknown>)['ui:field'] : undefined;
    const validate = formFields.find((field) => field.name === name)?.validate;
    if (!validate) continue;
    const messages = await validate(values[property]);
    if (messages.length > 0) tree[property] = { __errors: messages };
  }
  return tree;
}
