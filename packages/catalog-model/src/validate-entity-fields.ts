import { describeType, describeValue } from './describe-value.js';
import type { Entity } from './entity.js';
import { joinFieldPath } from './field-path.js';
import {
  isNonEmptyString,
  isValidAnnotationKey,
  isValidApiVersion,
  isValidEntityName,
  isValidKind,
  isValidLabelKey,
  isValidLabelValue,
  isValidNamespace,
  isValidTag,
  isValidUrl,
} from './field-validators.js';
import { isJsonObject } from './is-json-object.js';
import type { ValidationProblem } from './validation-problem.js';

const NAME_RULE = '1-63 characters [a-zA-Z0-9] separated by [-_.], starting and ending with an alphanumeric';
const PREFIX_RULE = 'an optional lowercase DNS subdomain prefix and a slash (e.g. "backstage.io/")';

/** What each field format rule expects, as quoted in messages. */
export const FIELD_FORMAT_EXPECTATIONS = {
  apiVersion: `[prefix/]version: ${PREFIX_RULE}, then a version of 1-63 characters [a-zA-Z0-9]`,
  kind: 'a string of 1-63 characters: a letter followed by letters and digits [a-zA-Z0-9]',
  name: `a string of ${NAME_RULE}`,
  namespace: 'a string of 1-63 characters: lowercase [a-z0-9] groups separated by single [-]',
  key: `[prefix/]name: ${PREFIX_RULE}, then a name of ${NAME_RULE}`,
  labelValue: `an empty string or a string of ${NAME_RULE}`,
  tag: 'a string of 1-63 characters: lowercase [a-z0-9:+#] groups separated by single [-], e.g. "java", "c++", "team:platform"',
  url: 'an absolute URL, e.g. "https://example.com/dashboard"',
} as const;

type Check = { isValid: (value: unknown) => boolean; expectation: string };

function check(
  problems: ValidationProblem[],
  path: string,
  value: unknown,
  rule: Check,
  subject = path,
): void {
  if (rule.isValid(value)) return;
  const message =
    typeof value === 'string'
      ? `${subject} ${describeValue(value)} is not valid; expected ${rule.expectation}`
      : `${subject} must be a string, found ${describeType(value)}`;
  problems.push({ path, message });
}

function checkOptionalString(
  problems: ValidationProblem[],
  path: string,
  value: unknown,
  nonEmpty: boolean,
): void {
  if (value === undefined) return;
  if (nonEmpty ? isNonEmptyString(value) : typeof value === 'string') return;
  const expected = nonEmpty ? 'a non-empty string' : 'a string';
  problems.push({ path, message: `${path} must be ${expected}, found ${describeValue(value)}` });
}

/**
 * Checks the format of the envelope's fields: apiVersion, kind, metadata name, namespace,
 * title, description, labels, annotations, tags and links, with the default catalog rules.
 * Expects an entity whose envelope passed {@link validateEntityEnvelope}; never throws.
 *
 * @example
 * validateEntityFields({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'my_service!' } });
 * // => [{ path: 'metadata.name', message: 'metadata.name "my_service!" is not valid; expected a string of 1-63 ...' }]
 */
export function validateEntityFields(entity: Entity): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const expect = FIELD_FORMAT_EXPECTATIONS;
  check(problems, 'apiVersion', entity.apiVersion, {
    isValid: isValidApiVersion,
    expectation: expect.apiVersion,
  });
  check(problems, 'kind', entity.kind, { isValid: isValidKind, expectation: expect.kind });
  const metadata = entity.metadata;
  if (metadata.name === undefined) {
    problems.push({ path: 'metadata.name', message: "metadata is missing required field 'name'" });
  } else {
    check(problems, 'metadata.name', metadata.name, { isValid: isValidEntityName, expectation: expect.name });
  }
  if (metadata.namespace !== undefined) {
    const rule = { isValid: isValidNamespace, expectation: expect.namespace };
    check(problems, 'metadata.namespace', metadata.namespace, rule);
  }
  checkOptionalString(problems, 'metadata.title', metadata.title, true);
  checkOptionalString(problems, 'metadata.description', metadata.description, false);
  checkMap(problems, 'metadata.labels', metadata.labels, isValidLabelValue, expect.labelValue);
  checkMap(
    problems,
    'metadata.annotations',
    metadata.annotations,
    (value) => typeof value === 'string',
    'a string',
  );
  checkTags(problems, metadata.tags);
  checkLinks(problems, metadata.links);
  return problems;
}

function checkMap(
  problems: ValidationProblem[],
  path: string,
  map: unknown,
  isValidValue: (value: unknown) => boolean,
  valueExpectation: string,
): void {
  if (map === undefined) return;
  if (!isJsonObject(map)) {
    problems.push({
      path,
      message: `${path} must be an object of string values, found ${describeType(map)}`,
    });
    return;
  }
  const isValidKey = path === 'metadata.labels' ? isValidLabelKey : isValidAnnotationKey;
  for (const [key, value] of Object.entries(map)) {
    const keyPath = joinFieldPath(path, key);
    check(
      problems,
      keyPath,
      key,
      { isValid: isValidKey, expectation: FIELD_FORMAT_EXPECTATIONS.key },
      `${path} key`,
    );
    check(problems, keyPath, value, { isValid: isValidValue, expectation: valueExpectation });
  }
}

function checkTags(problems: ValidationProblem[], tags: unknown): void {
  if (tags === undefined) return;
  if (!Array.isArray(tags)) {
    problems.push({
      path: 'metadata.tags',
      message: `metadata.tags must be an array, found ${describeType(tags)}`,
    });
    return;
  }
  const rule = { isValid: isValidTag, expectation: FIELD_FORMAT_EXPECTATIONS.tag };
  for (const [index, tag] of tags.entries())
    check(problems, joinFieldPath('metadata.tags', index), tag, rule);
}

function checkLinks(problems: ValidationProblem[], links: unknown): void {
  if (links === undefined) return;
  if (!Array.isArray(links)) {
    problems.push({
      path: 'metadata.links',
      message: `metadata.links must be an array, found ${describeType(links)}`,
    });
    return;
  }
  links.forEach((link: unknown, index) => {
    const path = joinFieldPath('metadata.links', index);
    if (!isJsonObject(link)) {
      problems.push({ path, message: `${path} must be an object with a 'url', found ${describeType(link)}` });
      return;
    }
    if (link.url === undefined) {
      problems.push({ path: `${path}.url`, message: `${path} is missing required field 'url'` });
    } else {
      check(problems, `${path}.url`, link.url, {
        isValid: isValidUrl,
        expectation: FIELD_FORMAT_EXPECTATIONS.url,
      });
    }
    for (const field of ['title', 'icon', 'type']) {
      checkOptionalString(problems, `${path}.${field}`, link[field], true);
    }
  });
}
