import * as z from 'zod';
import { ServiceUnavailableError } from '../../availability.ts';
import { resolveToolName } from '../aliases.ts';
import { defineOperation, type Toolset } from '../define.ts';
import { OperationError } from '../errors.ts';

/** `toolsets` is read when called, so the catalogue reaches every toolset, itself included. */
export function callTool(toolsets: () => readonly Toolset[]) {
  return defineOperation({
    name: 'call_tool',
    title: 'Call a read tool by name',
    description:
      'Runs a read tool that is not in your tool list, by name, with its arguments: find it and its input schema with ' +
      "find_tools first. Returns that tool's result unchanged. Write tools are never run this way: find_tools says how " +
      'to get one.',
    scope: 'read',
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    input: z.object({
      name: z.string().min(1).max(64).describe('The tool to run, as find_tools names it.'),
      arguments: z.record(z.string(), z.unknown()).optional().describe('Its arguments, as its input schema describes them.'),
    }),
    output: z.object({ tool: z.string(), result: z.record(z.string(), z.unknown()) }),
    rest: { method: 'POST', path: '/tools/{name}/call' },
    examples: [{ summary: 'Run a read tool by name', input: { name: 'list_event_types', arguments: {} } }],
    async run(ctx, input) {
      const name = String(resolveToolName(input.name));
      const found = toolsets()
        .flatMap((t) => t.operations.map((op) => ({ op, toolset: t })))
        .find(({ op }) => op.name === name);
      if (!found || !ctx.principal.scopes.includes(found.op.scope)) {
        throw new OperationError('not_found', `No tool "${input.name}" for this credential.`, 'find_tools lists the tools it may use.');
      }
      if (found.toolset.id === 'catalogue') {
        throw new OperationError('invalid_argument', `${name} is a catalogue tool: call it directly.`);
      }
      if (!found.op.annotations.readOnlyHint) {
        throw new OperationError(
          'invalid_argument',
          `${name} is a write tool, and write tools run only as themselves so your client can ask before they act.`,
          `Reconnect with ?tools=${name} (or ?toolsets=${found.toolset.id}).`,
        );
      }
      const outcome = await ctx.invokeNested(found.op, input.arguments ?? {});
      if (outcome.ok) return { tool: name, result: outcome.output };
      const { code, message, hint } = outcome.error;
      if (code === 'unavailable') throw new ServiceUnavailableError('database');
      if (code === 'internal') throw new Error(`${name} failed inside call_tool`); // logged by the invoker, with the request id
      throw new OperationError(code, `${name}: ${message}`, hint);
    },
  });
}
