import { OPERATIONS, toolsetOf } from '../operations/registry.ts';
import { API_PREFIX } from './router.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

interface Property {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  default?: unknown;
  items?: Property;
  anyOf?: Property[];
}

function typeOf(p: Property): string {
  if (p.enum) return p.enum.map(String).join(' | ');
  if (p.type === 'array') return `${p.items ? typeOf(p.items) : 'any'}[]`;
  if (p.anyOf) return p.anyOf.map(typeOf).join(' | ');
  return Array.isArray(p.type) ? p.type.join(' | ') : (p.type ?? 'any');
}

/** A readable, dependency-free API reference, generated from the same registry as /openapi.json. */
export function docsPage(): string {
  const sections = OPERATIONS.filter((op) => op.rest).map((op) => {
    const input = op.jsonSchema.input as { properties?: Record<string, Property>; required?: string[] };
    const rows = Object.entries(input.properties ?? {}).map(
      ([name, p]) =>
        `<tr><td><code>${escapeHtml(name)}</code>${(input.required ?? []).includes(name) ? ' <em>required</em>' : ''}</td><td>${escapeHtml(typeOf(p))}</td><td>${escapeHtml(p.description ?? '')}${p.default !== undefined ? ` Default: <code>${escapeHtml(JSON.stringify(p.default))}</code>.` : ''}</td></tr>`,
    );
    return `<section id="${op.name}"><h2><span class="m">${op.rest!.method}</span> <code>${API_PREFIX}${escapeHtml(op.rest!.path)}</code></h2>
<p class="meta">MCP tool <code>${op.name}</code> · scope <code>${op.scope}</code> · toolset <code>${toolsetOf(op)!.id}</code></p>
<p>${escapeHtml(op.description)}</p>
${rows.length ? `<table><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p><em>No parameters.</em></p>'}</section>`;
  });
  const toc = OPERATIONS.filter((op) => op.rest)
    .map((op) => `<li><a href="#${op.name}">${escapeHtml(op.title)}</a></li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley API reference</title><style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;display:flex;color:#1f2937}nav{width:240px;padding:20px;border-right:1px solid #e5e7eb;height:100vh;position:sticky;top:0;overflow:auto}
main{padding:20px 40px;max-width:960px}section{border-bottom:1px solid #e5e7eb;padding:12px 0}table{border-collapse:collapse;width:100%}td,th{border:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
.m{background:#2563eb;color:#fff;border-radius:4px;padding:0 6px;font-size:13px}.meta{color:#6b7280;font-size:13px}code{font-size:13px}</style></head>
<body><nav><strong>Parley API</strong><p><a href="/openapi.json">openapi.json</a></p><ul>${toc}</ul></nav><main><h1>Parley API reference</h1>
<p>Authenticate with <code>Authorization: Bearer &lt;API key&gt;</code> (or <code>x-api-key</code>). Errors are JSON: <code>{"error": {"code", "message", "hint", "request_id"}}</code>. Every operation here is also an MCP tool at <code>/mcp</code>.</p>
${sections.join('\n')}</main></body></html>`;
}
