import { describe, expect, it } from 'vitest';
import type { Entity, EntityMeta } from './entity.js';
import { validateEntityFields } from './validate-entity-fields.js';

function entityWith(metadata: Partial<EntityMeta>, root: Partial<Entity> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    ...root,
    metadata: { name: 'my-service', ...metadata } as EntityMeta,
  };
}

describe('validateEntityFields', () => {
  it('accepts a complete, valid entity', () => {
    const entity = entityWith({
      namespace: 'shop',
      title: 'My Service',
      description: 'Sells things',
      labels: { tier: 'gold', 'example.com/cost-center': '', empty: '' },
      annotations: { 'backstage.io/techdocs-ref': 'dir:.', 'github.com/project-slug': 'org/repo' },
      tags: ['java', 'c++', 'team:platform'],
      links: [{ url: 'https://example.com', title: 'Home', icon: 'dashboard', type: 'website' }],
    });
    expect(validateEntityFields(entity)).toEqual([]);
  });

  it('quotes the metadata.name rule', () => {
    expect(validateEntityFields(entityWith({ name: 'my_service!' }))).toEqual([
      {
        path: 'metadata.name',
        message:
          'metadata.name "my_service!" is not valid; expected a string of 1-63 characters [a-zA-Z0-9] separated by [-_.], starting and ending with an alphanumeric',
      },
    ]);
  });

  it('requires metadata.name to be a present string', () => {
    const missing = entityWith({});
    delete (missing.metadata as { name?: string }).name;
    expect(validateEntityFields(missing)).toEqual([
      { path: 'metadata.name', message: "metadata is missing required field 'name'" },
    ]);
    expect(validateEntityFields(entityWith({ name: 42 as unknown as string }))).toEqual([
      { path: 'metadata.name', message: 'metadata.name must be a string, found number' },
    ]);
  });

  it('checks the namespace as a DNS label', () => {
    const [problem] = validateEntityFields(entityWith({ namespace: 'My_NS' }));
    expect(problem?.path).toBe('metadata.namespace');
    expect(problem?.message).toBe(
      'metadata.namespace "My_NS" is not valid; expected a string of 1-63 characters: lowercase [a-z0-9] groups separated by single [-]',
    );
  });

  it('checks apiVersion and kind formats', () => {
    const problems = validateEntityFields(entityWith({}, { apiVersion: 'a/b/c', kind: 'My-Kind' }));
    expect(problems.map((problem) => problem.path)).toEqual(['apiVersion', 'kind']);
    expect(problems[0]?.message).toMatch(/^apiVersion "a\/b\/c" is not valid; expected \[prefix\/\]version/);
    expect(problems[1]?.message).toBe(
      'kind "My-Kind" is not valid; expected a string of 1-63 characters: a letter followed by letters and digits [a-zA-Z0-9]',
    );
  });

  it('requires a non-empty title and a string description', () => {
    expect(validateEntityFields(entityWith({ title: '' }))).toEqual([
      { path: 'metadata.title', message: 'metadata.title must be a non-empty string, found ""' },
    ]);
    expect(validateEntityFields(entityWith({ description: 3 as unknown as string }))).toEqual([
      { path: 'metadata.description', message: 'metadata.description must be a string, found number' },
    ]);
  });

  it('checks label keys and values', () => {
    const problems = validateEntityFields(
      entityWith({ labels: { 'Bad Key': 'ok', team: 'not ok', n: 1 as never } }),
    );
    expect(problems).toEqual([
      {
        path: 'metadata.labels.Bad Key',
        message: expect.stringMatching(
          /^metadata\.labels key "Bad Key" is not valid; expected \[prefix\/\]name/,
        ),
      },
      {
        path: 'metadata.labels.team',
        message: expect.stringMatching(
          /^metadata\.labels\.team "not ok" is not valid; expected an empty string or/,
        ),
      },
      { path: 'metadata.labels.n', message: 'metadata.labels.n must be a string, found number' },
    ]);
    expect(validateEntityFields(entityWith({ labels: [] as never }))).toEqual([
      { path: 'metadata.labels', message: 'metadata.labels must be an object of string values, found array' },
    ]);
  });

  it('checks annotation keys and accepts any string value', () => {
    const problems = validateEntityFields(
      entityWith({
        annotations: { 'Example.com/x': 'v', 'a/b/c': 'v', ok: 'any value: /?#', flag: true as never },
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'metadata.annotations.Example.com/x',
      'metadata.annotations.a/b/c',
      'metadata.annotations.flag',
    ]);
    expect(problems[2]?.message).toBe('metadata.annotations.flag must be a string, found boolean');
  });

  it('checks every tag', () => {
    const problems = validateEntityFields(entityWith({ tags: ['java', 'Java', 'my_tag', 7 as never] }));
    expect(problems).toEqual([
      {
        path: 'metadata.tags[1]',
        message:
          'metadata.tags[1] "Java" is not valid; expected a string of 1-63 characters: lowercase [a-z0-9:+#] groups separated by single [-], e.g. "java", "c++", "team:platform"',
      },
      {
        path: 'metadata.tags[2]',
        message: expect.stringContaining('metadata.tags[2] "my_tag" is not valid'),
      },
      { path: 'metadata.tags[3]', message: 'metadata.tags[3] must be a string, found number' },
    ]);
    expect(validateEntityFields(entityWith({ tags: 'java' as never }))[0]?.message).toBe(
      'metadata.tags must be an array, found string',
    );
  });

  it('checks links', () => {
    const links = [
      { url: 'not a url' },
      { title: 'x' },
      { url: 'https://x', title: ' ', icon: '', type: 3 },
      'x',
    ];
    expect(validateEntityFields(entityWith({ links: links as never }))).toEqual([
      {
        path: 'metadata.links[0].url',
        message:
          'metadata.links[0].url "not a url" is not valid; expected an absolute URL, e.g. "https://example.com/dashboard"',
      },
      { path: 'metadata.links[1].url', message: "metadata.links[1] is missing required field 'url'" },
      {
        path: 'metadata.links[2].title',
        message: 'metadata.links[2].title must be a non-empty string, found " "',
      },
      {
        path: 'metadata.links[2].icon',
        message: 'metadata.links[2].icon must be a non-empty string, found ""',
      },
      {
        path: 'metadata.links[2].type',
        message: 'metadata.links[2].type must be a non-empty string, found number',
      },
      {
        path: 'metadata.links[3]',
        message: "metadata.links[3] must be an object with a 'url', found string",
      },
    ]);
  });

  it('cuts long values in messages', () => {
    const [problem] = validateEntityFields(entityWith({ name: `${'x'.repeat(100)}!` }));
    expect(problem?.message).toContain(`"${'x'.repeat(80)}…"`);
  });
});
