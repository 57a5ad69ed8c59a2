import { createJsonSchemaValidator } from '@atrium/ui';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import Form from '@rjsf/mui';
import type { ErrorSchema } from '@rjsf/utils';
import { useId, useMemo } from 'react';
import type { JsonObject } from '../../common/index.js';
import type { FormField } from '../blueprints/form-field-blueprint.js';
import type { FormPage } from './form-pages.js';
import { toRjsfFields } from './rjsf-fields.js';
import type { ErrorTree } from './server-errors.js';
import { WizardButtons } from './wizard-buttons.js';

// Interprets schemas instead of compiling them: the app's CSP forbids eval.
const validator = createJsonSchemaValidator();

/** Props of {@link WizardPage}. */
export interface WizardPageProps {
  page: FormPage;
  /** The values of every page; rjsf shows the ones this page's schema asks for. */
  values: JsonObject;
  /** Custom fields from extensions, by the `ui:field` name they answer to. */
  formFields: readonly FormField[];
  errors: ErrorTree | undefined;
  onChange(values: JsonObject): void;
  /** Called when the page's own schema validates. */
  onNext(): void;
  onBack: (() => void) | undefined;
  backLabel: string | undefined;
  nextLabel: string;
}

/**
 * One parameter page of the template wizard: its title, description and rjsf form, with
 * the back and next buttons.
 *
 * @example
 * <WizardPage page={page} values={values} formFields={[]} errors={undefined}
 *   onChange={setValues} onNext={next} onBack={undefined} backLabel={undefined} nextLabel="Next" />
 */
export function WizardPage(props: WizardPageProps) {
  const { page } = props;
  const headingId = useId();
  const { formFields } = props;
  const fields = useMemo(() => toRjsfFields(formFields), [formFields]);
  const formContext = useMemo(() => ({ formFields }), [formFields]);
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="h6" component="h2">
        {page.title}
      </Typography>
      {page.description && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {page.description}
        </Typography>
      )}
      <Form
        key={page.index}
        schema={page.schema}
        uiSchema={page.uiSchema}
        formData={props.values}
        fields={fields}
        formContext={formContext}
        validator={validator}
        extraErrors={props.errors as ErrorSchema | undefined}
        showErrorList={false}
        noHtml5Validate
        onChange={(event) => props.onChange((event.formData ?? {}) as JsonObject)}
        onSubmit={() => props.onNext()}
      >
        <WizardButtons onBack={props.onBack} backLabel={props.backLabel} nextLabel={props.nextLabel} />
      </Form>
    </Box>
  );
}
