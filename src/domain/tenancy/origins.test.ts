import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseOrigins } from './origins.ts';

test('tracking origins are reduced to their origins, once each, and anything else is named', () => {
  assert.deepEqual(parseOrigins('https://www.example.com/pricing, http://localhost:5173\nhttps://www.example.com  *'), {
    ok: true,
    origins: ['https://www.example.com', 'http://localhost:5173', '*'],
  });
  assert.deepEqual(parseOrigins(''), { ok: true, origins: [] });
  assert.deepEqual(parseOrigins('https://ok.example www.example.com'), { ok: false, entry: 'www.example.com' });
  assert.deepEqual(parseOrigins('ftp://files.example'), { ok: false, entry: 'ftp://files.example' });
});
