import fs from 'node:fs';

/** Parley's version, from package.json (beside both src/ and dist/). */
export const VERSION = (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** How Parley names itself to MCP clients, and in the OpenAPI document. */
export const SERVER_INFO = { name: 'parley', title: 'Parley', version: VERSION };
