// What a model pays for a result: the text content of every tool on the demo data, against the JSON it replaced.
// Both eras receive both forms through the official SDK client: the compact text, and structuredContent in full.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HISTORY_DAYS } from '../src/demo/generate/workspace.ts';
import { isQuoted } from '../src/mcp/render-text.ts';
import { OPERATIONS } from '../src/operations/registry.ts';
import { mcpClient } from './helpers/clients.ts';
import { engines } from './helpers/engines.ts';
import { demoIds, examplesOf } from './helpers/examples.ts';
import { daysAgo } from './helpers/operations.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const engine = (await engines()).at(-1)!; // PostgreSQL where there is one (see reliability.test.ts)
/**
 * The results of list and search tools (of MIN_ROWS rows or more) must read at least this much smaller as text, leaving
 * out of both sides the quoted text they share verbatim (names, subjects, notes, snippets): a table saves keys and
 * punctuation, never the data's own words, so the bar is held on what a table can save. How much prose a result
 * carries changes with the demo's day (a search for "charged twice" finds more escalated tickets some days); whole
 * results are printed beside it.
 */
const MIN_LIST_SAVING = 0.3;
/** Below this many rows, the fixed part of a list result (its pagination and date window) weighs as much as the keys a table saves. */
const MIN_ROWS = 8;
/**
 * Lists over a date range ask for all of the demo data (its history and the bookings ahead), not the default window
 * around today: the demo's dates are relative to the day it is loaded, so the default window's rows, and with them the
 * saving, would change with the day the suite runs (list_reservations had 5 to 7 rows one day, 8 at 29% another).
 */
const ALL_OF_THE_DEMO = { start_date: daysAgo(HISTORY_DAYS + 30, 'UTC'), end_date: daysAgo(-HISTORY_DAYS, 'UTC') };

/** The characters of the quoted text in a result's JSON: its string values that are not plain tokens, with their quotes. */
function quotedInJson(value: unknown): number {
  if (typeof value === 'string') return isQuoted(value) ? JSON.stringify(value).length : 0;
  if (typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce((sum: number, item) => sum + quotedInJson(item), 0);
}

/**
 * The characters of the quoted text in a result's text form: every JSON string in it (a value shared by every row is
 * written, and counted, once). The keys inside a JSON cell count too, which can only make the bar harder to pass.
 */
const quotedInText = (text: string) => [...text.matchAll(/"(?:[^"\\]|\\.)*"/g)].reduce((sum, match) => sum + match[0].length, 0);

describe('tool results as text', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(engine);
  });
  after(() => server.stop());

  test('every tool answers both eras with compact text and the full structured object; lists, quoted text aside, read at least 30% smaller', async () => {
    // Lists as they first come, a page of 20; every other tool as its first example (a write acts once: its key makes
    // the second era replay it).
    const ids = await demoIds(server.sql, 'northwind');
    const args = (op: (typeof OPERATIONS)[number]) => {
      const paged = Object.hasOwn((op.jsonSchema.input.properties ?? {}) as object, 'per_page');
      const input = examplesOf(op, ids)[0]!.input;
      // A list keeps only what its example must name (the parent it lists, a search's query), not its filters.
      const required = (op.jsonSchema.input.required ?? []) as string[];
      if (/^(list|search)_/.test(op.name) && paged) {
        const dated = Object.hasOwn((op.jsonSchema.input.properties ?? {}) as object, 'start_date');
        const kept = Object.entries(input).filter(([k]) => k.endsWith('_id') || required.includes(k));
        return { ...Object.fromEntries(kept), ...(dated ? ALL_OF_THE_DEMO : {}), per_page: 20 };
      }
      return op.scope === 'write' ? { ...input, idempotency_key: `result-text-${op.name}` } : input;
    };
    const rows: string[] = [];
    for (const era of ['modern', 'legacy'] as const) {
      const client = await mcpClient(server.url, server.keys.northwind, era, '?toolsets=all');
      for (const op of OPERATIONS) {
        const result = await client.callTool({ name: op.name, arguments: args(op) });
        assert.ok(!result.isError, `${op.name}: ${JSON.stringify(result.content)}`);
        const text = (result.content as Array<{ type: string; text: string }>)[0]!.text;
        const parsed = op.output.safeParse(result.structuredContent);
        assert.ok(parsed.success, `${era} ${op.name}: structuredContent is the full object its output schema describes`);
        const json = JSON.stringify(result.structuredContent).length;
        const saving = 1 - text.length / json;
        const quoted = quotedInJson(result.structuredContent);
        const tableSaving = 1 - (text.length - quotedInText(text)) / (json - quoted);
        if (era === 'modern')
          rows.push(
            `${op.name.padEnd(22)} json ${String(json).padStart(6)}  text ${String(text.length).padStart(6)}  ${Math.round(saving * 100)}% smaller` +
              `  (${Math.round(tableSaving * 100)}% without their quoted text, ${quoted} characters in JSON)`,
          );
        // A table saves the keys a JSON list repeats per row: a list of a few rows (two workspaces) has little to save.
        const rowCount = Math.max(0, ...Object.values(result.structuredContent!).map((v) => (Array.isArray(v) ? v.length : 0)));
        if (/^(list|search)_/.test(op.name) && rowCount >= MIN_ROWS)
          assert.ok(
            tableSaving >= MIN_LIST_SAVING,
            `${op.name}: text ${text.length} vs JSON ${json} characters, ${quoted} of the JSON quoted text (${Math.round(tableSaving * 100)}% smaller without it)`,
          );
      }
      await client.close();
    }
    console.log(`# result sizes in characters on the demo data (${engine.name}):\n${rows.map((r) => `#   ${r}`).join('\n')}`);
  });
});
