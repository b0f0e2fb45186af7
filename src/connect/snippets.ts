/**
 * How each MCP client connects to Parley, written once for the README, the dashboard and the start-up message.
 * Two ways: with an API key (a header), or by URL alone, the client then signing in through Parley's OAuth server.
 */
export interface ClientSnippet {
  client: string;
  /** Where the text goes: a terminal, or a configuration file. */
  where: string;
  text: string;
}

export interface InstallLink {
  client: string;
  href: string;
}

/** `{ "mcpServers": { "parley": server } }`, the file format Claude Desktop and Cursor share. */
const mcpServers = (server: object, indent?: number) => JSON.stringify({ mcpServers: { parley: server } }, null, indent);

/**
 * mcp-remote (the bridge Claude Desktop needs for remote servers) refuses plain http except to localhost, unless told.
 * The header travels through `env`: a value with a space inside `args` is split apart on Windows and by Cursor.
 */
function mcpRemote(mcpUrl: string, key?: string) {
  const { protocol, hostname } = new URL(mcpUrl);
  const allowHttp = protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  return {
    command: 'npx',
    args: [
      '-y',
      'mcp-remote',
      mcpUrl,
      ...(key ? ['--header', 'Authorization:${AUTH_HEADER}'] : []),
      ...(allowHttp ? ['--allow-http'] : []),
    ],
    ...(key && { env: { AUTH_HEADER: `Bearer ${key}` } }),
  };
}

/** With an API key. `indent` spaces JSON for a page; none keeps each snippet on one line, for a terminal. */
export function keySnippets(mcpUrl: string, key: string, indent?: number): ClientSnippet[] {
  const vscode = {
    servers: { parley: { type: 'http', url: mcpUrl, headers: { Authorization: 'Bearer ${input:parley-key}' } } },
    inputs: [{ type: 'promptString', id: 'parley-key', description: 'Parley API key', password: true }],
  };
  return [
    {
      client: 'Claude Code',
      where: 'terminal',
      text: `claude mcp add --transport http parley ${mcpUrl} --header "Authorization: Bearer ${key}"`,
    },
    { client: 'Claude Desktop', where: 'claude_desktop_config.json', text: mcpServers(mcpRemote(mcpUrl, key), indent) },
    {
      client: 'Cursor',
      where: '~/.cursor/mcp.json',
      text: mcpServers({ url: mcpUrl, headers: { Authorization: `Bearer ${key}` } }, indent),
    },
    // VS Code asks for the key once and keeps it in its secret storage, not in the file.
    { client: 'VS Code', where: '.vscode/mcp.json; asks for the key', text: JSON.stringify(vscode, null, indent) },
    {
      client: 'MCP Inspector',
      where: 'terminal; needs Node 22.19+',
      text: `npx @modelcontextprotocol/inspector@latest --cli ${mcpUrl} --transport http --header "Authorization: Bearer ${key}" --method tools/list`,
    },
  ];
}

/** By URL alone: the client registers itself and opens Parley's sign-in and consent page. */
export function oauthSnippets(mcpUrl: string, indent?: number): ClientSnippet[] {
  return [
    { client: 'Claude Code', where: 'terminal; then /mcp to sign in', text: `claude mcp add --transport http parley ${mcpUrl}` },
    {
      client: 'Claude Desktop',
      where: 'claude_desktop_config.json; signs in through your browser',
      text: mcpServers(mcpRemote(mcpUrl), indent),
    },
    { client: 'Cursor', where: '~/.cursor/mcp.json', text: mcpServers({ url: mcpUrl }, indent) },
    { client: 'VS Code', where: 'terminal', text: `code --add-mcp '${JSON.stringify({ name: 'parley', type: 'http', url: mcpUrl })}'` },
  ];
}

/** One-click installs by URL alone (no secret in a link). */
export function installLinks(mcpUrl: string): InstallLink[] {
  const cursorConfig = Buffer.from(JSON.stringify({ url: mcpUrl })).toString('base64');
  return [
    { client: 'Cursor', href: `cursor://anysphere.cursor-deeplink/mcp/install?name=parley&config=${encodeURIComponent(cursorConfig)}` },
    { client: 'VS Code', href: `vscode:mcp/install?${encodeURIComponent(JSON.stringify({ name: 'parley', type: 'http', url: mcpUrl }))}` },
  ];
}
