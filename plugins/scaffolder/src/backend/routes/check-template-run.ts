import type { Credentials } from '@atrium/kernel';
import { type JsonObject, scaffolderPermissions, type TaskStepSpec } from '../../common/index.js';
import {
  normalizeSteps,
  pagesOf,
  type TemplateDocument,
  templateProblems,
} from '../validation/template-spec.js';
import {
  toValidationErrors,
  type ValidationErrorItem,
  validateValues,
} from '../validation/validation-errors.js';
import type { ScaffolderContext } from './scaffolder-context.js';

/** A template ready to run for a caller, or the reasons it cannot (400 `{ errors }`). */
export type TemplateRunCheck =
  | { ok: true; template: TemplateDocument; steps: TaskStepSpec[] }
  | { ok: false; errors: ValidationErrorItem[] };

const propertiesOf = (page: object): string[] =>
  Object.keys(((page as { properties?: unknown }).properties as object | undefined) ?? {});

/**
 * Values for fields that only pages hidden from the caller declare: those pages are not
 * validated for this caller, so their values would reach the steps unchecked.
 */
function hiddenPageValues(all: object[], visible: object[], values: JsonObject): ValidationErrorItem[] {
  if (values === null || typeof values !== 'object') return [];
  const shown = new Set(visible.flatMap(propertiesOf));
  const hidden = all.filter((page) => !visible.includes(page)).flatMap(propertiesOf);
  return [...new Set(hidden)]
    .filter((key) => !shown.has(key) && Object.hasOwn(values, key))
    .map((key) => {
      const message = 'is on a page of the template you may not fill in (backstage:permissions)';
      return {
        path: [key],
        property: `instance.${key}`,
        message,
        schema: {},
        instance: values[key],
        name: 'permission',
        argument: key,
        stack: `instance.${key} ${message}`,
      };
    });
}

/** Checks secrets against the template's `spec.secrets.schema` (on create, dry run and retry). */
export function secretsProblems(
  ctx: Pick<ScaffolderContext, 'validator'>,
  template: TemplateDocument,
  secrets: Record<string, string> | undefined,
): ValidationErrorItem[] {
  const schema = template.spec.secrets?.schema;
  return schema ? toValidationErrors(ctx.validator.validate(schema, secrets ?? {}), 'secrets') : [];
}

/**
 * Checks a template and a submission: the template's shape, then the values against the
 * pages the caller may see (values for fields of pages it may not see are refused) and
 * the secrets against `spec.secrets.schema`. Steps the caller may not run (tags) are
 * dropped, as in Backstage.
 */
export async function checkTemplateRun(
  ctx: ScaffolderContext,
  credentials: Credentials,
  candidate: unknown,
  values: JsonObject,
  secrets: Record<string, string> | undefined,
): Promise<TemplateRunCheck> {
  const problems = templateProblems(candidate);
  if (problems.length > 0) return { ok: false, errors: problems };
  const template = candidate as TemplateDocument;
  const all = pagesOf(template);
  const pages = await ctx.authorizer.filterTagged(
    credentials,
    scaffolderPermissions.templateParameterRead,
    all,
  );
  const errors = [
    ...validateValues(ctx.validator, pages, values),
    ...hiddenPageValues(all, pages, values),
    ...secretsProblems(ctx, template, secrets),
  ];
  if (errors.length > 0) return { ok: false, errors };
  const steps = await ctx.authorizer.filterTagged(
    credentials,
    scaffolderPermissions.templateStepRead,
    normalizeSteps(template),
  );
  return { ok: true, template, steps };
}
