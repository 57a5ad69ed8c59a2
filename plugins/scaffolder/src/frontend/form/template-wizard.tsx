import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useMemo, useState } from 'react';
import type { JsonObject, TemplateParameterSchema } from '../../common/index.js';
import { TaskValidationError } from '../api/scaffolder-api.js';
import type { FormField } from '../blueprints/form-field-blueprint.js';
import { type FormPage, toFormPages } from './form-pages.js';
import { ReviewStep } from './review-step.js';
import { validateCustomFields } from './rjsf-fields.js';
import { type ErrorTree, serverErrorTrees } from './server-errors.js';
import { evaluateWhen } from './when-expression.js';
import { WizardPage } from './wizard-page.js';

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
 * Places a 400 answer's messages on the visible pages' fields: error trees keyed by page
 * index, the messages no field takes, and the first visible page with an error.
 */
function placeServerErrors(error: TaskValidationError, visible: readonly FormPage[]) {
  const trees = serverErrorTrees(
    error.errors,
    visible.map((p) => p.schema),
  );
  const byPage: Record<number, ErrorTree> = Object.fromEntries(
    Object.entries(trees.pages).map(([i, tree]) => [visible[Number(i)]!.index, tree]),
  );
  const first = Object.keys(trees.pages)
    .map(Number)
    .sort((a, b) => a - b)[0];
  return { byPage, unplaced: trees.unplaced, first };
}

/** The wizard's steps, the current one marked for assistive technology. */
function WizardStepper({ titles, active }: { titles: readonly string[]; active: number }) {
  return (
    <Stepper activeStep={active} alternativeLabel aria-label="Form steps" sx={{ mb: 3 }}>
      {titles.map((title, index) => (
        <Step key={title + String(index)} aria-current={index === active ? 'step' : undefined}>
          <StepLabel>{title}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}

/**
 * A page's errors less those of the fields whose value the change replaced (they may be
 * fixed now), or undefined when no value changed.
 */
function withoutChanged(errors: ErrorTree, next: JsonObject, values: JsonObject): ErrorTree | undefined {
  const changed = Object.keys(next).filter(
    (key) => JSON.stringify(next[key]) !== JSON.stringify(values[key]),
  );
  if (changed.length === 0) return undefined;
  const remaining = { ...errors };
  for (const key of changed) delete remaining[key];
  return remaining;
}

/** What the review step shows of the submission. */
function submitStateProps(state: SubmitState) {
  return {
    isSubmitting: state.status === 'submitting',
    error: state.status === 'error' ? state.error : undefined,
    unplacedErrors: state.status === 'error' ? state.unplaced : [],
  };
}

/**
 * Sends the values and keeps the outcome; a 400 answer's messages go to `onInvalid`
 * placed on the visible pages.
 */
function useWizardSubmit(
  onSubmit: (values: JsonObject) => Promise<void>,
  onInvalid: (placed: ReturnType<typeof placeServerErrors>) => void,
) {
  const [submitState, setSubmitState] = useState<SubmitState>({ status: 'idle' });
  const submit = async (values: JsonObject, visible: readonly FormPage[]) => {
    setSubmitState({ status: 'submitting' });
    try {
      await onSubmit(values);
      setSubmitState({ status: 'idle' });
    } catch (error) {
      if (!(error instanceof TaskValidationError))
        return setSubmitState({ status: 'error', error, unplaced: [] });
      const placed = placeServerErrors(error, visible);
      setSubmitState({ status: 'error', error, unplaced: placed.unplaced });
      onInvalid(placed);
    }
  };
  return { submitState, submit };
}

/**
 * The multi-page template form: one rjsf page per parameter page (pages whose `when` is
 * false are skipped), a stepper, custom fields from extensions, then a review page.
 *
 * @example
 * <TemplateWizard parameters={schema} formFields={fields} onSubmit={(values) => create(values)} />
 */
export function TemplateWizard(props: TemplateWizardProps) {
  const { parameters, formFields } = props;
  const pages = useMemo(
    () => toFormPages(parameters, new Set(formFields.map((field) => field.name))),
    [parameters, formFields],
  );
  const [values, setValues] = useState<JsonObject>(props.initialValues ?? {});
  const [active, setActive] = useState(0);
  const [pageErrors, setPageErrors] = useState<Record<number, ErrorTree>>({});
  const { submitState, submit } = useWizardSubmit(props.onSubmit, (placed) => {
    setPageErrors(placed.byPage);
    if (placed.first !== undefined && placed.unplaced.length === 0) setActive(placed.first);
  });
  const visible = pages.filter((page) => evaluateWhen(page.when, values));
  const labels = buttonLabelsOf(parameters);
  const page = visible[active];

  const onPageChange = (next: JsonObject) => {
    setValues((previous) => ({ ...previous, ...next }));
    const errors = page && pageErrors[page.index];
    const remaining = errors && withoutChanged(errors, next, values);
    if (page && remaining) setPageErrors((previous) => ({ ...previous, [page.index]: remaining }));
  };

  const goNext = async () => {
    if (!page) return;
    const custom = await validateCustomFields(page.uiSchema, values, formFields);
    setPageErrors((previous) => ({ ...previous, [page.index]: custom }));
    if (Object.keys(custom).length === 0) setActive(active + 1);
  };

  return (
    <Box>
      <WizardStepper titles={[...visible.map((p) => p.title), 'Review']} active={active} />
      {page ? (
        <WizardPage
          page={page}
          values={values}
          formFields={formFields}
          errors={pageErrors[page.index]}
          onChange={onPageChange}
          onNext={() => void goNext()}
          onBack={active > 0 ? () => setActive(active - 1) : undefined}
          backLabel={labels.backButtonText}
          nextLabel={active === visible.length - 1 ? (labels.reviewButtonText ?? 'Review') : 'Next'}
        />
      ) : (
        <ReviewStep
          pages={visible}
          values={visibleValues(pages, visible, values)}
          onBack={visible.length > 0 ? () => setActive(visible.length - 1) : undefined}
          backLabel={labels.backButtonText}
          submitLabel={props.submitLabel ?? labels.createButtonText ?? 'Create'}
          {...submitStateProps(submitState)}
          onSubmit={() => void submit(visibleValues(pages, visible, values), visible)}
        />
      )}
    </Box>
  );
}
