import type { Toolset } from '../define.ts';
import { callTool } from './call-tool.ts';
import { findTools } from './find-tools.ts';

/**
 * The catalogue: a way to every tool the credential may use from a short default list. Its operations read the
 * toolsets when called (the registry passes them in, so nothing here imports the registry back).
 */
export function catalogue(toolsets: () => readonly Toolset[]): Toolset {
  return {
    id: 'catalogue',
    description: 'Find any tool this credential may use, and run read tools that are not in the list.',
    default: true,
    instructions:
      "find_tools searches every tool this credential may use, listed or not, and gives read tools' input schemas; call_tool runs " +
      'such a read tool by name. Write tools never run through call_tool: find_tools says how to connect with one.',
    operations: [findTools(toolsets), callTool(toolsets)],
  };
}
