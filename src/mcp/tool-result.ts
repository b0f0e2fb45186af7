import type { CallToolResult } from '@modelcontextprotocol/server';
import type { Outcome } from '../operations/define.ts';
import { renderText } from './render-text.ts';

/** The text of a tool error: what went wrong, then what to try, for the model to act on. */
export function toolErrorText(error: { message: string; hint?: string }): string {
  return error.hint ? `${error.message}\nHint: ${error.hint}` : error.message;
}

/**
 * An operation's outcome as an MCP tool result, keys in the order the SDK writes them (so the fast path and the SDK
 * answer byte for byte alike). `modernMeta` marks a 2026-07-28 answer: complete, naming the server in `_meta`, as the
 * SDK adds to what a handler returns.
 */
export function toolResult(outcome: Outcome, modernMeta?: Record<string, unknown>): CallToolResult {
  const modern = modernMeta && { resultType: 'complete' };
  if (outcome.ok)
    return {
      content: [{ type: 'text', text: renderText(outcome.output) }],
      structuredContent: outcome.output,
      ...(modern && { ...modern, _meta: modernMeta }),
    };
  return {
    _meta: { 'parley/error_code': outcome.error.code, ...modernMeta },
    content: [{ type: 'text', text: toolErrorText(outcome.error) }],
    isError: true,
    ...modern,
  };
}
