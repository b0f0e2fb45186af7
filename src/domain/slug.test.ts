import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slugify } from './slug.ts';

test('slugs are lower-case ASCII words joined by dashes', () => {
  assert.equal(slugify('Northwind Website'), 'northwind-website');
  assert.equal(slugify('Café Büro — Résumé'), 'cafe-buro-resume');
  assert.equal(slugify('  --Getting started!  '), 'getting-started');
  assert.equal(slugify('日本'), '');
  assert.ok(slugify('a '.repeat(100)).length <= 60 && !slugify('a '.repeat(100)).endsWith('-'));
});
