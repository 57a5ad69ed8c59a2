import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../common/index.js';
import { toFormPages } from './form-pages.js';
import { serverErrorTrees } from './server-errors.js';
import { splitUiSchema } from './split-ui-schema.js';

describe('splitUiSchema', () => {
  it('moves inline ui:* hints into a uiSchema, through nesting, items, dependencies and feature flags', () => {
    const { schema, uiSchema } = splitUiSchema({
      required: ['name', 'beta'],
      properties: {
        name: { type: 'string', 'ui:autofocus': true, 'ui:help': 'lowercase' },
        repo: { type: 'object', properties: { host: { type: 'string', 'ui:widget': 'select' } } },
        list: { type: 'array', items: { type: 'string', 'ui:placeholder': 'tag' } },
        beta: { type: 'string', 'backstage:featureFlag': 'beta' },
        db: { type: 'boolean' },
      },
      dependencies: { db: { oneOf: [{ properties: { url: { type: 'string', 'ui:widget': 'password' } } }] } },
    });
    expect(uiSchema).toEqual({
      name: { 'ui:autofocus': true, 'ui:help': 'lowercase' },
      repo: { host: { 'ui:widget': 'select' } },
      list: { items: { 'ui:placeholder': 'tag' } },
      url: { 'ui:widget': 'password' },
    });
    expect(Object.keys(schema.properties as object)).toEqual(['name', 'repo', 'list', 'db']);
    expect(schema.required).toEqual(['name']);
    expect(JSON.stringify(schema)).not.toContain('ui:');
  });
});

describe('toFormPages', () => {
  it('lifts the page title off the schema and lets custom fields show their own errors', () => {
    const [page] = toFormPages(
      {
        title: 'T',
        steps: [
          {
            title: 'About',
            schema: { title: 'About', properties: { owner: { type: 'string', 'ui:field': 'OwnerPicker' } } },
          },
        ],
      },
      new Set(['OwnerPicker']),
    );
    expect(page).toMatchObject({
      index: 0,
      title: 'About',
      uiSchema: { owner: { 'ui:field': 'OwnerPicker', 'ui:hideError': true } },
    });
    expect(page?.schema).toEqual({ type: 'object', properties: { owner: { type: 'string' } } });
  });
});

describe('serverErrorTrees', () => {
  it('puts each server message under its field on the page that asks for it', () => {
    const pages: JsonObject[] = [{ properties: { name: {} } }, { properties: { repo: {} } }];
    const trees = serverErrorTrees(
      [
        { path: ['name'], message: 'must match pattern' },
        {
          path: [],
          property: 'instance',
          name: 'required',
          argument: 'repo',
          message: 'requires property "repo"',
        },
        { path: ['other'], message: 'is not allowed' },
      ],
      pages,
    );
    expect(trees.pages).toEqual({
      0: { name: { __errors: ['must match pattern'] } },
      1: { repo: { __errors: ['requires property "repo"'] } },
    });
    expect(trees.unplaced).toEqual(['other: is not allowed']);
  });
});
