import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { MAX_REST_BODY_BYTES, readBodyInput } from './body.ts';

function request(body: string, headers: Record<string, string> = {}): IncomingMessage {
  return Object.assign(Readable.from(body === '' ? [] : [Buffer.from(body)]), { headers }) as unknown as IncomingMessage;
}

test('a REST body is a JSON object of arguments; anything else is refused with the reason', async () => {
  const named = await readBodyInput(request('{"name":"Ada","__proto__":{"x":1}}'));
  assert.ok(named.ok);
  assert.equal(named.value.name, 'Ada');
  assert.ok(Object.hasOwn(named.value, '__proto__'), 'kept as a key, for the invoker to refuse by name');
  assert.deepEqual(await readBodyInput(request('')), { ok: true, value: {} });
  assert.deepEqual(await readBodyInput(request('', { 'content-length': '0' })), { ok: true, value: {} });

  for (const bad of ['{"name":', 'null', '[1,2]', '"text"', '42']) {
    const answer = await readBodyInput(request(bad));
    assert.equal(answer.ok, false, bad);
    assert.deepEqual(answer.ok ? undefined : [answer.status, answer.code], [400, 'invalid_json'], bad);
  }
  const tooLarge = await readBodyInput(request('x'.repeat(MAX_REST_BODY_BYTES + 1)));
  assert.deepEqual(tooLarge.ok ? undefined : [tooLarge.status, tooLarge.code], [413, 'body_too_large']);
});
