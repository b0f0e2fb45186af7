import type { Resource, ResourceTemplateType } from '@modelcontextprotocol/server';
import { listWorkspaces } from '../operations/account/list-workspaces.ts';
import { getUsageSummary } from '../operations/account/get-usage-summary.ts';
import type { AnyOperation } from '../operations/define.ts';
import { listEventTypes } from '../operations/events/list-event-types.ts';
import { queryEvents } from '../operations/events/query-events.ts';

/** A resource is an operation called with fixed arguments; reading it goes through the same invoker as a tool. */
export interface ResourceBinding {
  operation: AnyOperation;
  input: Record<string, unknown>;
}

export const RESOURCES: ReadonlyArray<Resource & { bind: () => ResourceBinding }> = [
  {
    uri: 'parley://workspaces',
    name: 'workspaces',
    title: 'Workspaces',
    description: 'The workspaces this credential may read, with their time zones and agents.',
    mimeType: 'application/json',
    bind: () => ({ operation: listWorkspaces as unknown as AnyOperation, input: {} }),
  },
  {
    uri: 'schema://events',
    name: 'event-schema',
    title: 'Event names',
    description: 'Distinct event names observed in the last 30 days, with kind and count: what query_events can filter on.',
    mimeType: 'application/json',
    bind: () => ({ operation: listEventTypes as unknown as AnyOperation, input: {} }),
  },
  {
    uri: 'events://recent',
    name: 'recent-events',
    title: 'Recent events',
    description: 'The 100 most recent events across the workspaces this credential may read.',
    mimeType: 'application/json',
    bind: () => ({ operation: queryEvents as unknown as AnyOperation, input: { per_page: 100 } }),
  },
];

export const RESOURCE_TEMPLATES: ResourceTemplateType[] = [
  {
    uriTemplate: 'parley://workspace/{id}',
    name: 'workspace',
    title: 'Workspace activity',
    description: 'One workspace (id or slug): its activity summary for the last 30 days against the 30 days before.',
    mimeType: 'application/json',
  },
];

const WORKSPACE_URI = /^parley:\/\/workspace\/([A-Za-z0-9_-]{1,100})$/;

/** The binding for a URI, or undefined when no resource has that URI. */
export function resolveResource(uri: string): ResourceBinding | undefined {
  const fixed = RESOURCES.find((r) => r.uri === uri);
  if (fixed) return fixed.bind();
  const match = WORKSPACE_URI.exec(uri);
  if (match) return { operation: getUsageSummary as unknown as AnyOperation, input: { workspace: match[1] } };
  return undefined;
}
