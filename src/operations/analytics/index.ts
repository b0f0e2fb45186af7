import type { Toolset } from '../define.ts';
import { compareWorkspaces } from './compare-workspaces.ts';
import { getFunnel } from './get-funnel.ts';
import { getStats } from './get-stats.ts';
import { trackEvent } from './track-event.ts';

export const analytics: Toolset = {
  id: 'analytics',
  description: 'Web analytics: metrics over time or by group, conversion funnels, workspace rankings, and tracking events.',
  default: false,
  instructions:
    'get_stats answers "how many" in one call: a metric for a range, by group and/or as a series. get_funnel counts ' +
    'who went through ordered steps; compare_workspaces ranks the workspaces. track_event records events (up to 500 ' +
    'at once); an event_id makes a retry count once.',
  operations: [getStats, getFunnel, compareWorkspaces, trackEvent],
};
