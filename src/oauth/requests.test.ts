import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withInferredApplicationType } from './registration.ts';
import { withAuthorizationDefaults } from './routes.ts';
import { stepUpScopes } from './scopes.ts';

test('a registration without application_type is read as a native app only when its redirect URIs say so', () => {
  const cursor = {
    redirect_uris: ['cursor://anysphere.cursor-mcp/oauth/callback', 'https://cursor.example/cb', 'http://127.0.0.1:5555/callback'],
  };
  assert.equal((withInferredApplicationType(cursor) as { application_type?: string }).application_type, 'native');
  const loopback = { redirect_uris: ['http://localhost:33418/callback'] };
  assert.equal(
    (withInferredApplicationType(loopback) as { application_type?: string }).application_type,
    'native',
    'loopback ports may then vary (RFC 8252)',
  );
  const web = { redirect_uris: ['https://claude.ai/api/mcp/auth_callback'] };
  assert.equal(withInferredApplicationType(web), web, 'an https-only client stays web');
  const mixed = { redirect_uris: ['http://app.example/cb', 'myapp://cb'] };
  assert.equal(withInferredApplicationType(mixed), mixed, 'a plain-http remote URI is not native: left for the provider to judge');
  const explicit = { application_type: 'web', redirect_uris: ['http://localhost:1/cb'] };
  assert.equal(withInferredApplicationType(explicit), explicit, 'what the client said stands');
  assert.equal(withInferredApplicationType('nonsense'), 'nonsense');
});

test('authorization requests get the default scope, and an explicit consent prompt with offline_access', () => {
  const params = (path: string) => new URL(withAuthorizationDefaults(path), 'http://x').searchParams;
  assert.equal(params('/oauth/authorize?client_id=a').get('scope'), 'mcp:read mcp:write');
  assert.equal(params('/oauth/authorize?client_id=a&scope=mcp:read%20offline_access').get('prompt'), 'consent');
  assert.equal(
    params('/oauth/authorize?client_id=a&scope=mcp:read%20offline_access&prompt=login').get('prompt'),
    'login',
    'a prompt the client sent stands',
  );
  const untouched = '/oauth/authorize?client_id=a&scope=mcp%3Aread';
  assert.equal(withAuthorizationDefaults(untouched), untouched);
});

test('a step-up challenge names the scopes held plus the one missing', () => {
  assert.deepEqual(stepUpScopes(['read'], 'write'), ['mcp:read', 'mcp:write']);
  assert.deepEqual(stepUpScopes([], 'read'), ['mcp:read']);
});
