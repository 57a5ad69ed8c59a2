import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import Form from '@rjsf/mui';
import type { ErrorSchema } from '@rjsf/utils';
import { useId, useMemo, useState } from 'react';
import type { JsonObject, TemplateParameterSchema } from '../../common/index.js';
import { TaskValidationError } from '../api/scaffolder-api.js';
import type { FormField } from '../blueprints/form-field-blueprint.js';
import { type FormPage, toFormPages } from './form-pages.js';
import { createJsonSchemaValidator } from './json-schema-validator.js';
import { ReviewStep } from './review-step.js';
import { toRjsfFields, validateCustomFields } from './rjsf-fields.js';
import { type ErrorTree, serverErrorTrees } from './server-errors.js';
import { evaluateWhen } from './when-expression.js';
import { WizardButtons } from './wizard-buttons.js';

// Interprets schemas instead of compiling them: the app's CSP forbids eval.
const validator = createJsonSchemaValidator();

/** Props of {@link TemplateWizard}. */
export interface TemplateWizardProps {
  parameters: TemplateParameterSchema;
  formFields: readonly FormField[];
  /** Sends the values; a {@link TaskValidationError} puts its messages on the fields. */
  onSubmit: (values: JsonObject) => Promise<void>;
  /** Label of the final button; the template's `createButtonText`, else "Create". */
  submitLabel?: string;
  initialValues?: JsonObject;
}

type SubmitState =
  | { status: 'idle' | 'submitting' }
  | { status: 'error'; error: unknown; unplaced: string[] };

/** The template's own button labels (`spec.presentation.buttonLabels`), where they are text. */
function buttonLabelsOf(parameters: TemplateParameterSchema) {
  const labels = parameters.presentation?.buttonLabels;
  const label = (key: string) => {
    const value =
      typeof labels === 'object' && labels !== null && !Array.isArray(labels) ? labels[key] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  return {
    backButtonText: label('backButtonText'),
    createButtonText: label('createButtonText'),
    reviewButtonText: label('reviewButtonText'),
  };
}

/** Values of the visible pages only: what a hidden (`when`) page asked for is not sent. */
function visibleValues(
  pages: readonly FormPage[],
  visible: readonly FormPage[],
  values: JsonObject,
): JsonObject {
  const keysOf = (page: FormPage) => Object.keys((page.schema.properties as JsonObject | undefined) ?? {});
  const shown = new Set(visible.flatMap(keysOf));
  const hiddenOnly = new Set(
    pages
      .filter((p) => !visible.includes(p))
      .flatMap(keysOf)
      .filter((k) => !shown.has(k)),
  );
  return Object.fromEntries(Object.entries(values).filter(([key]) => !hiddenOnly.has(key)));
}

/**
 * The multi-page template form: one rjsf page per parameter page (pages whose `when` is
 * false are skipped), a stepper, custom fields from extensions, then a review page.
 *
 * @example
 * <TemplateWizard parameters={schema} formFields={fields} onSubmit={(values) => create(values)} />
 */
export function TemplateWizard({
  parameters,
  formFields,
  onSubmit,
  submitLabel,
  initialValues,
}: TemplateWizardProps) {
  const headingId = useId();
  const pages = useMemo(
    () => toFormPages(parameters, new Set(formFields.map((field) => field.name))),
    [parameters, formFields],
  );
  const fields = useMemo(() => toRjsfFields(formFields), [formFields]);
  const formContext = useMemo(() => ({ formFields }), [formFields]);
  const [values, setValues] = useState<JsonObject>(initialValues ?? {});
  const [active, setActive] = useState(0);
  const [pageErrors, setPageErrors] = useState<Record<number, ErrorTree>>({});
  const [submitState, setSubmitState] = useState<SubmitState>({ status: 'idle' });
  const visible = pages.filter((page) => evaluateWhen(page.when, values));
  const labels = buttonLabelsOf(parameters);
  const page = visible[active];

  const onPageChange = (next: JsonObject) => {
    const changed = Object.keys(next).filter(
      (key) => JSON.stringify(next[key]) !== JSON.stringify(values[key]),
    );
    setValues((previous) => ({ ...previous, ...next }));
    if (page && pageErrors[page.index] && changed.length > 0) {
      const remaining = { ...pageErrors[page.index] };
      for (const key of changed) delete remaining[key];
      setPageErrors((previous) => ({ ...previous, [page.index]: remaining }));
    }
  };

  const goNext = async () => {
    if (!page) return;
    const custom = await validateCustomFields(page.uiSchema, values, formFields);
    setPageErrors((previous) => ({ ...previous, [page.index]: custom }));
    if (Object.keys(custom).length === 0) setActive(active + 1);
  };

  const submit = async () => {
    setSubmitState({ status: 'submitting' });
    try {
      await onSubmit(visibleValues(pages, visible, values));
      setSubmitState({ status: 'idle' });
    } catch (error) {
      if (!(error instanceof TaskValidationError))
        return setSubmitState({ status: 'error', error, unplaced: [] });
      const trees = serverErrorTrees(
        error.errors,
        visible.map((p) => p.schema),
      );
      const byPage = Object.fromEntries(
        Object.entries(trees.pages).map(([i, tree]) => [visible[Number(i)]!.index, tree]),
      );
      setPageErrors(byPage);
      setSubmitState({ status: 'error', error, unplaced: trees.unplaced });
      const first = Object.keys(trees.pages)
        .map(Number)
        .sort((a, b) => a - b)[0];
      if (first !== undefined && trees.unplaced.length === 0) setActive(first);
    }
  };

  return (
    <Box>
      <Stepper activeStep={active} alternativeLabel aria-label="Form steps" sx={{ mb: 3 }}>
        {[...visible.map((p) => p.title), 'Review'].map((title, index) => (
          <Step key={title + String(index)} aria-current={index === active ? 'step' : undefined}>
            <StepLabel>{title}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {page ? (
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
            formData={values}
            fields={fields}
            formContext={formContext}
            validator={validator}
            extraErrors={pageErrors[page.index] as ErrorSchema | undefined}
            showErrorList={false}
            noHtml5Validate
            onChange={(event) => onPageChange((event.formData ?? {}) as JsonObject)}
            onSubmit={() => void goNext()}
          >
            <WizardButtons
              onBack={active > 0 ? () => setActive(active - 1) : undefined}
              backLabel={labels.backButtonText}
              nextLabel={active === visible.length - 1 ? (labels.reviewButtonText ?? 'Review') : 'Next'}
            />
          </Form>
        </Box>
      ) : (
        <ReviewStep
          pages={visible}
          values={visibleValues(pages, visible, values)}
          onBack={visible.length > 0 ? () => setActive(visible.length - 1) : undefined}
          backLabel={labels.backButtonText}
          submitLabel={submitLabel ?? labels.createButtonText ?? 'Create'}
          isSubmitting={submitState.status === 'submitting'}
          error={submitState.status === 'error' ? submitState.error : undefined}
          unplacedErrors={submitState.status === 'error' ? submitState.unplaced : []}
          onSubmit={() => void submit()}
        />
      )}
    </Box>
  );
}
