export { createTemplater, type Templater } from './create-templater.js';
export type { JsonObject, JsonValue, RenderedValue } from './json-value.js';
export { TemplateExpressionError } from './template-expression-error.js';
export type { RenderItem, RenderOptions, TemplaterOptions } from './templater-options.js';
export { type TemplatingErrorCode, templatingErrorCodes } from './templating-error-codes.js';
