import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateKey, hashKey, KEY_KINDS, parseKey, type KeyKind } from './api-keys.ts';

test('keys carry their kind and a checksum that catches typos', () => {
  for (const kind of Object.keys(KEY_KINDS) as KeyKind[]) {
    const key = generateKey(kind);
    assert.match(key.secret, new RegExp(`^parley_${KEY_KINDS[kind]}_[0-9A-Za-z]{38}$`));
    assert.equal(parseKey(key.secret), kind);
    assert.equal(key.hash, hashKey(key.secret));
    assert.ok(key.secret.startsWith(key.prefix) && key.prefix.length < 20);
    const last = key.secret.at(-8)!;
    const typo = key.secret.slice(0, -8) + (last === 'a' ? 'b' : 'a') + key.secret.slice(-7);
    assert.equal(parseKey(typo), undefined, 'a one-character change breaks the checksum');
  }
  assert.equal(parseKey(`parley_xx_${'A'.repeat(38)}`), undefined);
  assert.equal(parseKey('not a key'), undefined);
  assert.notEqual(generateKey('secret').secret, generateKey('secret').secret);
});
