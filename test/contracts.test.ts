// The contracts clients build on, committed under contracts/ so that every change to a tool's name, description,
// schema or annotations, or to the REST API, shows in review. After an intended change, rewrite them with
// UPDATE_CONTRACTS=1 npm test (or this file alone) and commit the result with the change.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { parseSelection, type ToolSelection } from '../src/mcp/selection.ts';
import { toolList } from '../src/mcp/tools.ts';
import { openApiDocument } from '../src/rest/openapi.ts';
import { testPrincipal } from './helpers/principal.ts';

function checkContract(file: string, current: unknown): void {
  const url = new URL(`../contracts/${file}`, import.meta.url);
  const text = `${JSON.stringify(current, null, 2)}\n`;
  if (process.env.UPDATE_CONTRACTS === '1' || (!fs.existsSync(url) && process.env.CI !== 'true')) {
    fs.writeFileSync(url, text);
    console.log(`# wrote contracts/${file}: commit it`);
    return;
  }
  assert.ok(fs.existsSync(url), `contracts/${file} is missing: run UPDATE_CONTRACTS=1 npm test and commit it`);
  assert.equal(
    text,
    fs.readFileSync(url, 'utf8'),
    `contracts/${file} differs from what the code serves: if the change is intended, run UPDATE_CONTRACTS=1 npm test and commit the file`,
  );
}

test('the tool definitions (every toolset) match contracts/tools.json', () => {
  checkContract('tools.json', toolList(testPrincipal(), parseSelection({ toolsets: 'all' }) as ToolSelection));
});

test('the OpenAPI document matches contracts/openapi.json', () => {
  checkContract('openapi.json', openApiDocument('http://localhost:8787'));
});
