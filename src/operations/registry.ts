import { account } from './account/index.ts';
import { agents } from './agents/index.ts';
import { analytics } from './analytics/index.ts';
import { attributes } from './attributes/index.ts';
import { batch } from './batch/index.ts';
import { calls } from './calls/index.ts';
import { catalogue } from './catalogue/index.ts';
import { contacts } from './contacts/index.ts';
import { conversations } from './conversations/index.ts';
import type { AnyOperation, Toolset } from './define.ts';
import { delivery } from './delivery/index.ts';
import { events } from './events/index.ts';
import { helpdesk } from './helpdesk/index.ts';
import { knowledge } from './knowledge/index.ts';
import { messaging } from './messaging/index.ts';
import { notes } from './notes/index.ts';
import { visitors } from './visitors/index.ts';

/** Every toolset, in the order tools are listed. MCP, REST and OpenAPI are all built from these. */
export const TOOLSETS: readonly Toolset[] = [
  account,
  conversations,
  contacts,
  messaging,
  delivery,
  notes,
  attributes,
  visitors,
  events,
  analytics,
  helpdesk,
  calls,
  knowledge,
  agents,
  batch,
  catalogue(() => TOOLSETS),
];

export const OPERATIONS: readonly AnyOperation[] = TOOLSETS.flatMap((toolset) => toolset.operations);

const TOOLSET_OF = new Map(TOOLSETS.flatMap((toolset) => toolset.operations.map((op) => [op.name, toolset])));

/** The toolset an operation belongs to (none for one outside the registry, as tests build). */
export function toolsetOf(op: AnyOperation): Toolset | undefined {
  return TOOLSET_OF.get(op.name);
}
