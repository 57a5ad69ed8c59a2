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

/**
 * Checks a template and a submission: the template's shape, then the values against the
 * pages the caller may see and the secrets against `spec.secrets.schema`. Steps the
 * caller may not run (tags) are dropped, as in Backstage.
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
  const pages = await ctx.authorizer.filterTagged(
    credentials,
    scaffolderPermissions.templateParameterRead,
    pagesOf(template),
  );
  const errors = validateValues(ctx.validator, pages, values);
  const secretsSchema = template.spec.secrets?.schema;
  if (secretsSchema) {
    errors.push(...toValidationErrors(ctx.validator.validate(secretsSchema, secrets ?? {}), 'secrets'));
  }
  if (errors.length > 0) return { ok: false, errors };
  const steps = await ctx.authorizer.filterTagged(
    credentials,
    scaffolderPermissions.templateStepRead,
    normalizeSteps(template),
  );
  return { ok: true, template, steps };
}
