// One tenant never sees another's data, through any operation: each example, with the ids of one account's rows,
// called as the other account, answers not_found, or, when it names none of them, nothing of the first account's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoIds, examplesOf } from '../../test/helpers/examples.ts';
import { describeWithDemo } from '../../test/helpers/operations.ts';
import { OPERATIONS } from './registry.ts';

await describeWithDemo("another account's ids and workspaces", (h) => {
  for (const op of OPERATIONS) {
    test(`${op.name} gives nothing of this account's`, async () => {
      const ids = await demoIds((text, params) => h.sql(text, params), 'northwind');
      const northwind = [...(await h.workspaceIds('northwind')), ...ids.values()];
      for (const { summary, input } of examplesOf(op, ids)) {
        const outcome = await h.outcome(op, h.as.bluebird, input);
        // An id in the path, or a workspace, names what the call is about: another account's is not found. An id in a
        // filter only narrows: it finds nothing.
        const naming = [...(op.rest?.path.matchAll(/\{(\w+)\}/g) ?? [])].map((m) => m[1]!).concat('workspace');
        const named = naming.some((name) => northwind.includes(input[name] as string));
        if (named)
          assert.ok(
            !outcome.ok && outcome.error.code === 'not_found',
            `${summary}: must answer not_found, got ${JSON.stringify(outcome).slice(0, 200)}`,
          );
        if (!outcome.ok) continue;
        // An id the caller gave may come back as given (as missing, say); nothing else of the first account may.
        const asked = JSON.stringify(input);
        for (const id of northwind.filter((id) => !asked.includes(id)))
          assert.ok(!outcome.json.includes(id), `${summary}: leaked ${id}: ${outcome.json.slice(0, 300)}`);
      }
    });
  }
});
