import { createJsonSchemaValidator } from '@atrium/ui';
import Button from '@mui/material/Button';
import Form from '@rjsf/mui';
import type { RJSFSchema } from '@rjsf/utils';

// Interprets the schema instead of compiling it: the app's CSP forbids eval.
const validator = createJsonSchemaValidator();

/** Props of {@link ConfigForm}. */
export interface ConfigFormProps {
  /** The plugin's config JSON schema, as its package declares it. */
  schema: Record<string, unknown>;
  value: Record<string, unknown>;
  onChange(value: Record<string, unknown>): void;
  /** Called with the config once it validates against the schema. */
  onSubmit(value: Record<string, unknown>): void;
  submitLabel: string;
  isBusy?: boolean;
}

/**
 * A form generated from a plugin's config JSON schema, validated in the browser before it is
 * sent (the server validates again against the same schema).
 *
 * @example
 * <ConfigForm schema={declaration.configSchema} value={config} onChange={setConfig}
 *   onSubmit={(config) => enable({ config })} submitLabel="Enable" />
 */
export function ConfigForm({ schema, value, onChange, onSubmit, submitLabel, isBusy }: ConfigFormProps) {
  return (
    <Form
      schema={schema as RJSFSchema}
      formData={value}
      validator={validator}
      showErrorList={false}
      noHtml5Validate
      onChange={(event) => onChange((event.formData ?? {}) as Record<string, unknown>)}
      onSubmit={(event) => onSubmit((event.formData ?? {}) as Record<string, unknown>)}
    >
      <Button type="submit" variant="contained" disabled={isBusy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
