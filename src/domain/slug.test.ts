import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slugify, withFreeSlug } from './slug.ts';

test('slugs are lower-case ASCII words joined by dashes, transliterated, never empty', () => {
  assert.equal(slugify('Northwind Website', 'workspace'), 'northwind-website');
  assert.equal(slugify('Café Büro — Résumé', 'workspace'), 'cafe-buero-resume');
  assert.equal(slugify('  --Getting started!  ', 'workspace'), 'getting-started');
  assert.equal(slugify('Москва', 'workspace'), 'moskva');
  assert.equal(slugify('Straße', 'workspace'), 'strasse');
  assert.equal(slugify('日本', 'workspace'), 'workspace');
  assert.equal(slugify('🎉', 'account'), 'account');
  assert.ok(slugify('a '.repeat(100), 'x').length <= 60 && !slugify('a '.repeat(100), 'x').endsWith('-'));
});

test('the first free slug is taken, suffixed when needed, within the length limit', async () => {
  const taken = new Set(['moskva', 'moskva-2', 'y'.repeat(60)]);
  const claim = async (slug: string) => {
    if (taken.has(slug)) return undefined;
    taken.add(slug);
    return slug;
  };
  assert.equal(await withFreeSlug('moskva', claim), 'moskva-3');
  assert.equal(await withFreeSlug('fresh', claim), 'fresh');
  assert.equal(await withFreeSlug('y'.repeat(60), claim), `${'y'.repeat(58)}-2`);
});
