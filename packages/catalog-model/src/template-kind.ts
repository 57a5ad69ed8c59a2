import { defineKind, type JsonSchema } from './define-kind.js';
import { specSchema, nonEmptyStringSchema as text } from './schema-fragments.js';

/** The apiVersion of software templates. */
export const TEMPLATE_API_VERSION = 'scaffolder.backstage.io/v1beta3';

const condition: JsonSchema = { type: ['string', 'boolean'] };

const stepSchema: JsonSchema = specSchema(['action'], {
  id: text,
  name: text,
  action: text,
  input: { type: 'object' },
  if: condition,
  each: { type: ['string', 'array', 'object'] },
  'backstage:permissions': { type: 'object' },
});

const outputSchema: JsonSchema = {
  type: 'object',
  properties: {
    links: {
      type: 'array',
      items: specSchema([], { url: text, entityRef: text, title: text, icon: text, if: condition }),
    },
    text: {
      type: 'array',
      items: specSchema([], { title: text, icon: text, content: text, if: condition }),
    },
  },
  additionalProperties: { type: 'string' },
};

const formDecoratorsSchema: JsonSchema = {
  type: 'array',
  items: specSchema(['id'], { id: text, input: { type: 'object' } }),
};

/** The Template kind: a software template run by the scaffolder. */
export const templateKind = defineKind({
  kind: 'Template',
  apiVersions: [TEMPLATE_API_VERSION],
  description: 'A software template: a form and the steps the scaffolder runs with its values.',
  schema: specSchema(['type', 'steps'], {
    type: text,
    owner: text,
    lifecycle: text,
    // One form page as a JSON Schema object, or an array of pages.
    parameters: { type: ['object', 'array'], items: { type: 'object' } },
    steps: { type: 'array', items: stepSchema },
    output: outputSchema,
    secrets: { type: 'object', properties: { schema: { type: 'object' } } },
    presentation: { type: 'object', properties: { buttonLabels: { type: 'object' } } },
    formDecorators: formDecoratorsSchema,
    EXPERIMENTAL_formDecorators: formDecoratorsSchema,
    EXPERIMENTAL_recovery: {
      type: 'object',
      properties: { EXPERIMENTAL_strategy: { enum: ['none', 'startOver'] } },
    },
  }),
});
