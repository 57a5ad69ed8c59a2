import { defineModule } from '@atrium/kernel';
import { z } from 'zod';
import { createTemplateAction } from '../actions/template-action.js';
import {
  scaffolderActionsPoint,
  scaffolderAutocompletePoint,
  scaffolderTemplatingPoint,
} from '../extension-points.js';

/** Every context of `acme:hello` runs, for assertions. */
export const helloRuns: Array<{
  taskId: string;
  user?: string;
  template: string;
  baseUrl?: string;
  dryRun: boolean;
}> = [];

/** A module adding a custom action, an autocomplete provider and a templating filter. */
export const testActionsModule = defineModule({
  plugin: 'scaffolder',
  id: 'test-actions',
  deps: {},
  extensionPoints: {
    actions: scaffolderActionsPoint,
    autocomplete: scaffolderAutocompletePoint,
    templating: scaffolderTemplatingPoint,
  },
  init({ extensions }) {
    extensions.actions.add(
      createTemplateAction({
        id: 'acme:hello',
        description: 'Greets someone',
        supportsDryRun: true,
        schema: {
          input: z.object({ name: z.string(), shout: z.boolean().default(false) }),
          output: z.object({ greeting: z.string() }),
        },
        async handler(ctx) {
          helloRuns.push({
            taskId: ctx.task.id,
            user: ctx.user.ref,
            template: ctx.templateInfo.entityRef,
            baseUrl: ctx.templateInfo.baseUrl,
            dryRun: ctx.isDryRun,
          });
          if (ctx.secrets.token) ctx.logger.info(`calling with token ${ctx.secrets.token}`);
          const greeting = `hello ${ctx.input.name}`;
          ctx.output('greeting', ctx.input.shout ? greeting.toUpperCase() : greeting);
        },
      }),
    );
    extensions.autocomplete.add({
      provider: 'acme',
      handle: async ({ resource, context }) => ({
        results: [{ id: `${resource}:${context.q ?? ''}`, title: 'A' }],
      }),
    });
    extensions.templating.add({
      filters: { shout: { source: '(value) => String(value).toUpperCase() + "!"', description: 'Shouts' } },
    });
  },
});
