// Character rules of the default catalog validators (Kubernetes naming rules for names,
// namespaces, label and annotation keys; DNS-label-like tags extended with ':', '+', '#').

const ENTITY_NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;
const API_VERSION_SUFFIX = /^[A-Za-z0-9]+$/;
const TAG = /^[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*$/;

function hasLength(value: string, min: number, max: number): boolean {
  return value.length >= min && value.length <= max;
}

/** True for a DNS label: 1-63 lowercase `[a-z0-9]` groups joined by single `-`. */
export function isValidDnsLabel(value: unknown): value is string {
  return typeof value === 'string' && hasLength(value, 1, 63) && DNS_LABEL.test(value);
}

/** True for a DNS subdomain: at most 253 characters of dot-separated DNS labels. */
export function isValidDnsSubdomain(value: unknown): value is string {
  return typeof value === 'string' && hasLength(value, 1, 253) && value.split('.').every(isValidDnsLabel);
}

/** True for a `metadata.name`: 1-63 `[A-Za-z0-9]` separated by `-_.`, alphanumeric at both ends. */
export function isValidEntityName(value: unknown): value is string {
  return typeof value === 'string' && hasLength(value, 1, 63) && ENTITY_NAME.test(value);
}

/** True for a `metadata.namespace` (a DNS label). */
export function isValidNamespace(value: unknown): value is string {
  return isValidDnsLabel(value);
}

/** True for a `kind`: 1-63 characters, a letter followed by letters and digits. */
export function isValidKind(value: unknown): value is string {
  return typeof value === 'string' && hasLength(value, 1, 63) && KIND.test(value);
}

// `[prefix/]suffix` with at most one '/', each side checked by its own rule.
function isValidPrefixed(value: unknown, isValidSuffix: (suffix: string) => boolean): value is string {
  if (typeof value !== 'string') return false;
  const parts = value.split('/');
  if (parts.length === 1) return isValidSuffix(parts[0]!);
  return parts.length === 2 && isValidDnsSubdomain(parts[0]) && isValidSuffix(parts[1]!);
}

/** True for an `apiVersion`: `[dns-subdomain/]version` with a 1-63 alphanumeric version. */
export function isValidApiVersion(value: unknown): value is string {
  return isValidPrefixed(value, (suffix) => hasLength(suffix, 1, 63) && API_VERSION_SUFFIX.test(suffix));
}

/** True for a label key: `[dns-subdomain/]name` where name follows the entity name rule. */
export function isValidLabelKey(value: unknown): value is string {
  return isValidPrefixed(value, isValidEntityName);
}

/** True for a label value: the empty string or a string following the entity name rule. */
export function isValidLabelValue(value: unknown): value is string {
  return value === '' || isValidEntityName(value);
}

/** True for an annotation key: `[dns-subdomain/]name` where name follows the entity name rule. */
export function isValidAnnotationKey(value: unknown): value is string {
  return isValidPrefixed(value, isValidEntityName);
}

/** True for an annotation value: any string. */
export function isValidAnnotationValue(value: unknown): value is string {
  return typeof value === 'string';
}

/** True for a tag: 1-63 lowercase `[a-z0-9:+#]` groups joined by single `-` (`c++`, `team:platform`). */
export function isValidTag(value: unknown): value is string {
  return typeof value === 'string' && hasLength(value, 1, 63) && TAG.test(value);
}

/** True for an absolute URL that the WHATWG URL parser accepts (any scheme). */
export function isValidUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** True for a string that is not empty after trimming. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
