import { describe, expect, it } from 'vitest';
import {
  isNonEmptyString,
  isValidAnnotationKey,
  isValidAnnotationValue,
  isValidApiVersion,
  isValidDnsSubdomain,
  isValidEntityName,
  isValidKind,
  isValidLabelKey,
  isValidLabelValue,
  isValidNamespace,
  isValidTag,
  isValidUrl,
} from './field-validators.js';

const long = (length: number, char = 'a') => char.repeat(length);

describe('isValidEntityName', () => {
  it.each(['a', 'my-service', 'My_Service.v2', 'a-_.b', '0', 'A1', long(63)])('accepts %j', (name) => {
    expect(isValidEntityName(name)).toBe(true);
  });

  it.each(['', 'my_service!', '-a', 'a-', '_a', 'a.', 'a b', 'ä', 'a/b', 'a:b', long(64)])(
    'rejects %j',
    (name) => {
      expect(isValidEntityName(name)).toBe(false);
    },
  );

  it('rejects non-strings', () => {
    expect(isValidEntityName(42)).toBe(false);
    expect(isValidEntityName(undefined)).toBe(false);
  });
});

describe('isValidNamespace', () => {
  it.each(['default', 'team-a', 'a1', long(63)])('accepts %j', (namespace) => {
    expect(isValidNamespace(namespace)).toBe(true);
  });

  it.each(['', 'Default', 'team_a', 'team.a', 'a--b', '-a', 'a-', long(64)])('rejects %j', (namespace) => {
    expect(isValidNamespace(namespace)).toBe(false);
  });
});

describe('isValidKind', () => {
  it.each(['Component', 'API', 'a', 'Kind2', long(63, 'K')])('accepts %j', (kind) => {
    expect(isValidKind(kind)).toBe(true);
  });

  it.each(['', '2Kind', 'My-Kind', 'my_kind', 'a b', long(64, 'K')])('rejects %j', (kind) => {
    expect(isValidKind(kind)).toBe(false);
  });
});

describe('isValidApiVersion', () => {
  it.each(['v1', 'backstage.io/v1alpha1', 'scaffolder.backstage.io/v1beta3', 'a/B2'])(
    'accepts %j',
    (value) => {
      expect(isValidApiVersion(value)).toBe(true);
    },
  );

  it.each(['', '/v1', 'backstage.io/', 'a/b/c', 'Backstage.io/v1', 'backstage.io/v1-alpha', 'x_y/v1'])(
    'rejects %j',
    (value) => {
      expect(isValidApiVersion(value)).toBe(false);
    },
  );
});

describe('isValidDnsSubdomain', () => {
  it('accepts dot-separated labels up to 253 characters', () => {
    expect(isValidDnsSubdomain('backstage.io')).toBe(true);
    expect(isValidDnsSubdomain(Array.from({ length: 4 }, () => long(62)).join('.'))).toBe(true);
    expect(isValidDnsSubdomain(Array.from({ length: 5 }, () => long(62)).join('.'))).toBe(false);
    expect(isValidDnsSubdomain('a..b')).toBe(false);
  });
});

describe('label and annotation keys', () => {
  it.each([isValidLabelKey, isValidAnnotationKey])('follow [prefix/]name (%#)', (isValid) => {
    expect(isValid('team')).toBe(true);
    expect(isValid('backstage.io/managed-by-location')).toBe(true);
    expect(isValid('github.com/project-slug')).toBe(true);
    expect(isValid('example.com/Some_Key.v2')).toBe(true);
    expect(isValid('Example.com/key')).toBe(false);
    expect(isValid('a/b/c')).toBe(false);
    expect(isValid('/key')).toBe(false);
    expect(isValid('example.com/')).toBe(false);
    expect(isValid('key!')).toBe(false);
    expect(isValid('')).toBe(false);
  });
});

describe('values', () => {
  it('label values are empty or follow the name rule', () => {
    expect(isValidLabelValue('')).toBe(true);
    expect(isValidLabelValue('Value_1')).toBe(true);
    expect(isValidLabelValue('a value')).toBe(false);
    expect(isValidLabelValue(long(64))).toBe(false);
    expect(isValidLabelValue(1)).toBe(false);
  });

  it('annotation values are any string', () => {
    expect(isValidAnnotationValue('')).toBe(true);
    expect(isValidAnnotationValue('anything at all: /?#')).toBe(true);
    expect(isValidAnnotationValue(1)).toBe(false);
    expect(isValidAnnotationValue(true)).toBe(false);
  });
});

describe('isValidTag', () => {
  it.each(['java', 'c++', 'c#', 'team:platform', 'front-end', 'a1', long(63)])('accepts %j', (tag) => {
    expect(isValidTag(tag)).toBe(true);
  });

  it.each(['', 'Java', 'my_tag', 'a--b', '-a', 'a-', 'a b', 'a.b', long(64)])('rejects %j', (tag) => {
    expect(isValidTag(tag)).toBe(false);
  });
});

describe('isValidUrl and isNonEmptyString', () => {
  it('accepts absolute URLs only', () => {
    expect(isValidUrl('https://example.com/x')).toBe(true);
    expect(isValidUrl('mailto:a@example.com')).toBe(true);
    expect(isValidUrl('/relative')).toBe(false);
    expect(isValidUrl('not a url')).toBe(false);
    expect(isValidUrl(undefined)).toBe(false);
  });

  it('rejects blank strings', () => {
    expect(isNonEmptyString('x')).toBe(true);
    expect(isNonEmptyString('  ')).toBe(false);
    expect(isNonEmptyString(1)).toBe(false);
  });
});
