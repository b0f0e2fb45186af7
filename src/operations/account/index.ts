import type { Toolset } from '../define.ts';
import { getAccountInfo } from './get-account-info.ts';
import { getUsageSummary } from './get-usage-summary.ts';
import { listAuditLog } from './list-audit-log.ts';
import { listWorkspaces } from './list-workspaces.ts';

export const account: Toolset = {
  id: 'account',
  description: 'Who the credential is, its workspaces, and activity figures for a period.',
  default: true,
  instructions:
    'Call get_account_info first: it lists the workspaces (id, slug, time zone) other tools take as `workspace`. For "how did we do" ' +
    'questions call get_usage_summary: it compares the period with the one before it.',
  operations: [getAccountInfo, listWorkspaces, getUsageSummary, listAuditLog],
};
