import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { installLinks, keySnippets, oauthSnippets } from './snippets.ts';

const KEY = 'parley_ak_...';
const LOCAL = 'http://localhost:8787/mcp';
const desktop = (snippets: ReturnType<typeof keySnippets>) =>
  JSON.parse(snippets.find((s) => s.client === 'Claude Desktop')!.text).mcpServers.parley;

test('Claude Desktop goes through mcp-remote with -y, the header from env (no space in any argument), and --allow-http only where needed', () => {
  const withKey = desktop(keySnippets(LOCAL, 'parley_ak_x'));
  assert.deepEqual(withKey, {
    command: 'npx',
    args: ['-y', 'mcp-remote', LOCAL, '--header', 'Authorization:${AUTH_HEADER}'],
    env: { AUTH_HEADER: 'Bearer parley_ak_x' },
  });
  assert.ok(
    withKey.args.every((arg: string) => !arg.includes(' ')),
    'Windows and Cursor split arguments at spaces',
  );
  assert.deepEqual(desktop(oauthSnippets(LOCAL)), { command: 'npx', args: ['-y', 'mcp-remote', LOCAL] });

  assert.deepEqual(desktop(oauthSnippets('http://parley.lan:8787/mcp')).args, [
    '-y',
    'mcp-remote',
    'http://parley.lan:8787/mcp',
    '--allow-http',
  ]);
  assert.ok(!desktop(oauthSnippets('https://parley.example.com/mcp')).args.includes('--allow-http'));
  assert.ok(!desktop(oauthSnippets('http://127.0.0.1:8787/mcp')).args.includes('--allow-http'));
});

test('every configuration snippet is valid JSON for its client; the VS Code file holds no key', () => {
  for (const snippet of [...keySnippets(LOCAL, 'parley_ak_x'), ...oauthSnippets(LOCAL)]) {
    if (snippet.text.startsWith('{')) assert.doesNotThrow(() => JSON.parse(snippet.text), snippet.client);
  }
  const vscode = keySnippets(LOCAL, 'parley_ak_x').find((s) => s.client === 'VS Code')!.text;
  assert.ok(!vscode.includes('parley_ak_x'));
  assert.equal(JSON.parse(vscode).servers.parley.headers.Authorization, 'Bearer ${input:parley-key}');
  const added = oauthSnippets(LOCAL).find((s) => s.client === 'VS Code')!.text;
  assert.deepEqual(JSON.parse(/'(.*)'/.exec(added)![1]!), { name: 'parley', type: 'http', url: LOCAL });
});

test("install links carry the URL alone, in each client's link format", () => {
  const [cursor, vscode] = installLinks('https://parley.example.com/mcp');
  const cursorLink = new URL(cursor!.href);
  assert.equal(`${cursorLink.protocol}//${cursorLink.host}${cursorLink.pathname}`, 'cursor://anysphere.cursor-deeplink/mcp/install');
  assert.equal(cursorLink.searchParams.get('name'), 'parley');
  assert.deepEqual(JSON.parse(Buffer.from(cursorLink.searchParams.get('config')!, 'base64').toString()), {
    url: 'https://parley.example.com/mcp',
  });
  assert.ok(vscode!.href.startsWith('vscode:mcp/install?'));
  assert.deepEqual(JSON.parse(decodeURIComponent(vscode!.href.slice('vscode:mcp/install?'.length))), {
    name: 'parley',
    type: 'http',
    url: 'https://parley.example.com/mcp',
  });
});

test('the README shows the same snippets', () => {
  const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const snippet of [...keySnippets(LOCAL, KEY, 2), ...oauthSnippets(LOCAL, 2)]) {
    assert.ok(readme.includes(snippet.text), `README lacks the ${snippet.client} snippet:\n${snippet.text}`);
  }
});
