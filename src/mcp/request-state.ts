import type { Principal } from '../domain/tenancy/principal.ts';
import type { ToolSelection } from './selection.ts';

/** What the HTTP layer learned about a request before MCP sees it. */
export interface McpRequestState {
  principal: Principal;
  selection: ToolSelection;
  requestId: string;
}
