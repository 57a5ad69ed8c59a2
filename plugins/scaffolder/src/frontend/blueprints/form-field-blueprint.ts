import { defineBlueprint, defineExtensionDataRef, defineExtensionInput } from '@atrium/web-kernel';
import { type ComponentType, lazy } from 'react';

/** What a custom template form field receives; the template form adapts rjsf's field props to it. */
export interface FormFieldProps {
  value: unknown;
  onChange: (value: unknown) => void;
  /** The field's JSON Schema. */
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  label?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  errors?: string[];
}

/** A custom field for template forms, named as `ui:field` names it. */
export interface FormField {
  name: string;
  /** Loads on first use; render it inside Suspense. */
  component: ComponentType<FormFieldProps>;
  /** Extra checks beyond the JSON Schema; returns messages, empty when valid. */
  validate?: (value: unknown) => string[] | Promise<string[]>;
}

/** Data kinds of template forms. */
export const formFieldExtensionData = {
  field: defineExtensionDataRef<FormField>('scaffolder.formField'),
};

/** The input the template page offers for custom fields. */
export const formFieldsInput = defineExtensionInput({ field: formFieldExtensionData.field });

/** Parameters of {@link FormFieldBlueprint}. */
export interface FormFieldParams {
  /** The `ui:field` name templates use, e.g. `EntityPicker`. */
  name: string;
  loader: () => Promise<ComponentType<FormFieldProps>>;
  validate?: FormField['validate'];
}

/**
 * A custom field for template forms (`page:scaffolder`, input `formFields`).
 *
 * @example
 * FormFieldBlueprint.make({
 *   name: 'entity-picker',
 *   params: { name: 'EntityPicker', loader: () => import('./entity-picker.js').then((m) => m.EntityPicker) },
 * });
 */
export const FormFieldBlueprint = defineBlueprint({
  kind: 'form-field',
  attachTo: { id: 'page:scaffolder', input: 'formFields' },
  output: { field: formFieldExtensionData.field },
  factory: (params: FormFieldParams) => ({
    field: {
      name: params.name,
      component: lazy(() => params.loader().then((loaded) => ({ default: loaded }))),
      validate: params.validate,
    },
  }),
});
