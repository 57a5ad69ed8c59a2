import { InputError, NotFoundError } from '@atrium/errors';
import type { RouteHandlers } from '@atrium/kernel';
import { type JsonObject, type scaffolderApi, scaffolderPermissions } from '../../common/index.js';
import { describeTemplatingExtensions } from '../templating/templating-extensions.js';
import { pagesOf, type TemplateDocument, templateProblems } from '../validation/template-spec.js';
import type { ScaffolderContext } from './scaffolder-context.js';

type Routes = typeof scaffolderApi.routes;
type InfoHandlers = Pick<
  RouteHandlers<Routes>,
  'getParameterSchema' | 'listActions' | 'autocomplete' | 'templatingExtensions'
>;

/** Handlers of the parameter schema, action list, autocomplete and templating extensions routes. */
export function createInfoHandlers(ctx: ScaffolderContext): InfoHandlers {
  return {
    async getParameterSchema({ params, credentials }) {
      const { namespace, kind, name } = params;
      const entity = await ctx.catalog.getEntityByRef({ kind, namespace, name }, credentials);
      const shown = `${kind}:${namespace}/${name}`;
      if (!entity)
        throw new NotFoundError(`template '${shown}' was not found in the catalog, or you may not read it`);
      const problems = templateProblems(entity);
      if (problems.length > 0) {
        throw new InputError(
          `'${shown}' is not a usable template: ${problems.map((p) => p.stack).join('; ')}`,
        );
      }
      const template = entity as TemplateDocument;
      const pages = await ctx.authorizer.filterTagged(
        credentials,
        scaffolderPermissions.templateParameterRead,
        pagesOf(template),
      );
      const metadata = template.metadata as JsonObject;
      return {
        title: String(metadata.title ?? metadata.name),
        ...(typeof metadata.description === 'string' ? { description: metadata.description } : {}),
        ...(metadata['ui:options'] ? { 'ui:options': metadata['ui:options'] as JsonObject } : {}),
        ...(template.spec.presentation ? { presentation: template.spec.presentation } : {}),
        steps: pages.map(({ when, ...schema }) => ({
          title: typeof schema.title === 'string' ? schema.title : 'Please enter the following information',
          ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
          ...(when !== undefined ? { when } : {}),
          schema,
        })),
        ...(template.spec.formDecorators || template.spec.EXPERIMENTAL_formDecorators
          ? { formDecorators: template.spec.formDecorators ?? template.spec.EXPERIMENTAL_formDecorators }
          : {}),
      };
    },
    listActions: () =>
      ctx.actions.list().map((action) => ({
        id: action.id,
        ...(action.description ? { description: action.description } : {}),
        ...(action.examples ? { examples: action.examples } : {}),
        schema: {
          ...(action.schema?.input ? { input: action.schema.input } : {}),
          ...(action.schema?.output ? { output: action.schema.output } : {}),
        },
      })),
    async autocomplete({ params, body }) {
      const handler = ctx.autocomplete.find((h) => h.provider === params.provider);
      if (!handler) {
        const installed = ctx.autocomplete.map((h) => `'${h.provider}'`).join(', ') || 'none';
        throw new InputError(
          `autocomplete provider '${params.provider}' is not installed (installed: ${installed})`,
        );
      }
      return handler.handle({ resource: params.resource, token: body.token, context: body.context });
    },
    templatingExtensions: () => describeTemplatingExtensions(ctx.templating),
  };
}
