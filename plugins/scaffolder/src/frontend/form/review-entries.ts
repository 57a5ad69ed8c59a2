import type { JsonObject, JsonValue } from '../../common/index.js';

/** One row of the review page. */
export interface ReviewEntry {
  /** Dotted key, stable for tests and React keys. */
  key: string;
  label: string;
  value: string;
}

/** A visible form page as the review needs it. */
export interface ReviewPage {
  schema: JsonObject;
  uiSchema: JsonObject;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const passwordMask = '******';

function display(value: JsonValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    return value.every((item) => typeof item !== 'object' || item === null)
      ? value.map(String).join(', ')
      : JSON.stringify(value);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function reviewOptions(ui: JsonObject): { show: boolean; mask?: string } {
  const backstage = isObject(ui['ui:backstage']) ? ui['ui:backstage'] : {};
  const review = isObject(backstage.review) ? backstage.review : {};
  const mask = typeof review.mask === 'string' ? review.mask : undefined;
  if (ui['ui:widget'] === 'hidden' || review.show === false) return { show: false };
  if (mask !== undefined) return { show: true, mask };
  return ui['ui:widget'] === 'password' ? { show: true, mask: passwordMask } : { show: true };
}

function collect(schema: JsonObject, ui: JsonObject, values: JsonObject, prefix: string[], labels: string[]) {
  const entries: ReviewEntry[] = [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [name, property] of Object.entries(properties)) {
    const value = values[name];
    if (value === undefined || value === '' || !isObject(property)) continue;
    const propertyUi = isObject(ui[name]) ? ui[name] : {};
    const options = reviewOptions(propertyUi);
    if (!options.show) continue;
    const label = typeof property.title === 'string' ? property.title : name;
    // A nested object with its own properties reads better as one row per field.
    if (
      isObject(value) &&
      isObject(property.properties) &&
      options.mask === undefined &&
      !propertyUi['ui:field']
    ) {
      entries.push(...collect(property, propertyUi, value, [...prefix, name], [...labels, label]));
      continue;
    }
    entries.push({
      key: [...prefix, name].join('.'),
      label: [...labels, label].join(' › '),
      value: options.mask ?? display(value),
    });
  }
  return entries;
}

/**
 * The rows of the review page: every filled value of the visible pages, labelled with its
 * title. `ui:widget: hidden` and `ui:backstage.review.show: false` hide a value;
 * `ui:widget: password` and `ui:backstage.review.mask` replace it with a mask.
 *
 * @example
 * reviewEntries([{ schema, uiSchema }], { name: 'svc', token: 'x' });
 * // [{ key: 'name', label: 'Name', value: 'svc' }, { key: 'token', label: 'Token', value: '******' }]
 */
export function reviewEntries(pages: readonly ReviewPage[], values: JsonObject): ReviewEntry[] {
  const seen = new Set<string>();
  const entries: ReviewEntry[] = [];
  for (const page of pages) {
    for (const entry of collect(page.schema, page.uiSchema, values, [], [])) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      entries.push(entry);
    }
  }
  return entries;
}
