import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slugify } from './index.js';

test('lowercases and joins words with dashes', () => {
  assert.equal(slugify('Hello, World!'), 'hello-world');
});

test('drops accents', () => {
  assert.equal(slugify('Crème brûlée'), 'creme-brulee');
});

test('never ends with a separator after cutting', () => {
  assert.equal(slugify('abc def', { maxLength: 4 }), 'abc');
});
