import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { KEY_KINDS, type KeyKind } from '../keys/api-keys.ts';
import type { Database } from '../db/database.ts';
import { createApiKey, CREDENTIALS_CHANNEL, CredentialError, revokeApiKey } from '../domain/credentials/commands.ts';
import { listApiKeys } from '../domain/credentials/queries.ts';
import { revokeGrant } from '../domain/oauth/commands.ts';
import { listConnectedApps } from '../domain/oauth/queries.ts';
import { createWorkspace, updateWorkspace } from '../domain/tenancy/commands.ts';
import { parseOrigins } from '../domain/tenancy/origins.ts';
import { accountRateLimitOverride, accountWorkspaces } from '../domain/tenancy/queries.ts';
import type { WorkspaceRow } from '../domain/tenancy/schema.ts';
import { rateLimitsFrom } from '../domain/tenancy/principal.ts';
import type { RateLimiter } from '../limits/rate-limit.ts';
import { usageByDay } from '../limits/usage.ts';
import type { SessionUser } from '../domain/users/schema.ts';
import { cancelInvitation, createInvitation } from '../domain/users/commands.ts';
import { pendingInvitations } from '../domain/users/queries.ts';
import { INVITATION_DAYS } from '../domain/users/schema.ts';
import type { AppEnv } from '../request/context.ts';
import { canonicalTimeZone } from '../time-zone.ts';
import { installLinks, keySnippets, oauthSnippets, type ClientSnippet } from '../connect/snippets.ts';
import { formText } from './form.ts';
import { page } from './layout.ts';
import { usageChart } from './usage-chart.ts';
import { COPY_BUTTONS_SCRIPT, GUESS_ZONE_SCRIPT } from './scripts.ts';
import { timeZoneSelect } from './time-zones.ts';
import { CSRF_REJECTED, validCsrf } from './session.ts';

const KIND_LABELS: Record<KeyKind, string> = {
  account: 'Account (all workspaces, read + write)',
  secret: 'Secret (one workspace, read + write + ingest)',
  read_only: 'Read-only (one workspace)',
  publishable: 'Publishable (browser tracking only)',
};

interface Notice {
  error?: string;
  created?: { secret: string; kind: KeyKind; name: string };
  inviteLink?: string;
}

const snippetList = (snippets: ClientSnippet[]) =>
  snippets.map((s) => html`<h3>${s.client} <span class="muted">${s.where}</span></h3><pre>${s.text}</pre>`);

const USAGE_DAYS = 30;

/** Owners and admins manage keys, workspaces and the team; members only look. */
const canManageRole = (user: SessionUser) => user.role !== 'member';

export function dashboardRoutes(deps: { db: Database; publicUrl: string; rateLimiter: RateLimiter }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const mcpUrl = `${deps.publicUrl}/mcp`;

  const render = async (c: Context<AppEnv>, user: SessionUser, notice: Notice = {}, status: 200 | 400 | 404 = 200) => {
    const [workspaces, keys] = [await accountWorkspaces(deps.db, user.account_id), await listApiKeys(deps.db, user.account_id)];
    const usage = await usageByDay(deps.db, user.account_id, USAGE_DAYS);
    const maxDaily = Math.max(0, ...[...usage.values()].flat());
    const limits = rateLimitsFrom(await accountRateLimitOverride(deps.db, user.account_id));
    const canManage = canManageRole(user);
    const invitations = canManage ? await pendingInvitations(deps.db, user.account_id) : [];
    const apps = await listConnectedApps(deps.db, user.account_id);
    const headroom = new Map(
      await Promise.all([
        ...keys.filter((k) => !k.revoked_at).map(async (k) => [k.id, await deps.rateLimiter.peek(`key:${k.id}`, limits)] as const),
        ...apps.map(async (a) => [a.id, await deps.rateLimiter.peek(`grant:${a.id}`, limits)] as const),
      ]),
    );
    const when = (at: string | null) => (at ? at.slice(0, 16).replace('T', ' ') : 'never');
    const usageCells = (
      id: string,
    ) => html`<td>${usageChart(usage.get(id) ?? new Array<number>(USAGE_DAYS).fill(0), maxDaily)} <span class="calls">${(usage.get(id) ?? []).reduce((a, b) => a + b, 0)}</span></td>
      <td class="muted">${
        headroom
          .get(id)
          ?.map((h) => `${h.remaining}/${h.limit} per ${h.window}`)
          .join(' · ') ?? ''
      }</td>`;
    const wsName = (id: string | null) => (id ? (workspaces.find((w) => w.id === id)?.name ?? id) : 'All workspaces');
    const csrf = html`<input type="hidden" name="_csrf" value="${user.csrf_token}" />`;
    c.header('Cache-Control', 'no-store'); // pages may carry a new key's secret or an invitation link
    return c.html(
      page(
        'Dashboard',
        html`
        ${notice.error ? html`<p class="error" role="alert">${notice.error}</p>` : ''}
        ${
          notice.created
            ? html`<div class="card" id="new-key"><h2>Your new ${notice.created.kind} key “${notice.created.name}”</h2>
          <p>Copy it now: it is shown this once and cannot be shown again.</p>
          <p><code class="secret" id="secret">${notice.created.secret}</code>
          <button type="button" data-copy="secret">Copy</button></p>${COPY_BUTTONS_SCRIPT}
          ${snippetList(keySnippets(mcpUrl, notice.created.secret, 2))}</div>`
            : ''
        }
        <div class="card"><h2>Connect an AI assistant</h2><p>MCP endpoint: <code>${mcpUrl}</code> · REST API: <code>${deps.publicUrl}/api/v1</code> (<a href="/docs">reference</a>)</p>
          <p>No key needed: the app opens this site, you sign in and choose its workspaces, and it appears under Connected apps.
          In Claude, add the endpoint as a custom connector (Claude connects from Anthropic's servers: the URL must be public and https).
          Install in ${installLinks(mcpUrl).map((link, i) => html`${i > 0 ? ' or ' : ''}<a href="${link.href}">${link.client}</a>`)}.</p>
          <details><summary>Setup for Claude Code, Claude Desktop, Cursor and VS Code</summary>${snippetList(oauthSnippets(mcpUrl, 2))}</details>
          <p class="muted">With an API key instead: create one below, and its snippets appear with it.</p></div>
        <div class="card"><h2>Workspaces</h2><table><thead><tr><th>Name</th><th>Slug / id</th><th>Time zone</th><th>Tracking origins</th></tr></thead><tbody>
          ${workspaces.map(
            (w: WorkspaceRow) =>
              html`<tr><td colspan="4">${
                canManage
                  ? html`<form method="post" action="/workspaces/${w.id}">${csrf}<input name="name" value="${w.name}" aria-label="Name of ${w.name}" required />
                <code>${w.slug}</code> <span class="muted">${w.id}</span> ${timeZoneSelect({ name: 'timezone', label: `Time zone of ${w.name}` }, w.timezone)}
                <input name="tracking_origins" value="${w.tracking_origins.join(' ')}" placeholder="https://www.example.com" aria-label="Sites that may send ${w.name} events" title="Sites whose pages may send events with the publishable key, separated by spaces" /> <button>Save</button></form>`
                  : html`${w.name} <code>${w.slug}</code> ${w.timezone} ${w.tracking_origins.join(' ')}`
              }</td></tr>`,
          )}
        </tbody></table>
        ${canManage ? html`<h3>New workspace</h3><form method="post" action="/workspaces">${csrf}<input name="name" placeholder="Name" aria-label="New workspace name" required /> ${timeZoneSelect({ name: 'timezone', label: 'New workspace time zone' })} <button>Create workspace</button></form>${GUESS_ZONE_SCRIPT}` : ''}</div>
        <div class="card"><h2>API keys</h2>
        <p class="muted">Rate limits per key: ${limits.perMinute}/minute, ${limits.perHour}/hour, ${limits.perDay}/day. Usage counts are written every 15 seconds.</p>
        <table><thead><tr><th>Name</th><th>Key</th><th>Kind</th><th>Workspace</th><th>Created</th><th>Last used</th><th>Calls, last ${USAGE_DAYS} days</th><th>Headroom now</th><th></th></tr></thead><tbody>
          ${keys.map(
            (k) => html`<tr><td>${k.name}</td><td><code>${k.prefix}…</code></td><td>${k.kind}</td><td>${wsName(k.workspace_id)}</td>
            <td>${when(k.created_at)}</td><td>${when(k.last_used_at)}</td>${usageCells(k.id)}
            <td>${k.revoked_at ? html`<span class="muted">revoked</span>` : canManage ? html`<form class="inline" method="post" action="/keys/${k.id}/revoke">${csrf}<button class="danger">Revoke</button></form>` : ''}</td></tr>`,
          )}
        </tbody></table>
        ${
          canManage
            ? html`<h3>New key</h3><form method="post" action="/keys">${csrf}
          <input name="name" placeholder="What it is for" aria-label="Key name" required />
          <select name="kind" aria-label="Kind">${(Object.keys(KEY_KINDS) as KeyKind[]).map((kind) => html`<option value="${kind}">${KIND_LABELS[kind]}</option>`)}</select>
          <select name="workspace" aria-label="Workspace"><option value="">All workspaces (account keys)</option>${workspaces.map((w) => html`<option value="${w.id}">${w.name}</option>`)}</select>
          <button>Create key</button></form>`
            : ''
        }</div>
        <div class="card" id="connected-apps"><h2>Connected apps</h2>
        <p class="muted">Apps connected by OAuth (Claude, Claude Code, Cursor...). Disconnecting one stops it on its very next request.</p>
        ${
          apps.length === 0
            ? html`<p class="muted">No app is connected yet.</p>`
            : html`<table><thead><tr><th>App</th><th>Approved by</th><th>Workspaces</th><th>Scopes</th><th>Connected</th><th>Last used</th><th>Calls, last ${USAGE_DAYS} days</th><th>Headroom now</th><th></th></tr></thead><tbody>
          ${apps.map(
            (a) => html`<tr><td>${a.client_name ?? a.client_id}</td><td>${a.user_name} <span class="muted">${a.user_email}</span></td>
            <td>${a.workspaces.map((w) => w.name).join(', ')}</td><td>${a.scopes.filter((s) => s !== 'openid').join(' ')}</td>
            <td>${when(a.created_at)}</td><td>${when(a.last_used_at)}</td>${usageCells(a.id)}
            <td>${canManage || a.user_email === user.email ? html`<form class="inline" method="post" action="/connected-apps/${a.id}/revoke">${csrf}<button class="danger">Disconnect</button></form>` : ''}</td></tr>`,
          )}
        </tbody></table>`
        }</div>
        ${
          canManage
            ? html`<div class="card"><h2>Team</h2>
          ${notice.inviteLink ? html`<p id="invite-link">Send this link (it works once, for ${INVITATION_DAYS} days; it is shown only now): <code class="secret">${notice.inviteLink}</code></p>` : ''}
          ${
            invitations.length
              ? html`<table><thead><tr><th>Invited</th><th>Role</th><th>Expires</th><th></th></tr></thead><tbody>${invitations.map(
                  (i) => html`<tr><td>${i.email ?? 'anyone with the link'}</td><td>${i.role}</td><td>${i.expires_at.slice(0, 10)}</td>
            <td><form class="inline" method="post" action="/invitations/${i.id}/cancel">${csrf}<button class="danger">Cancel</button></form></td></tr>`,
                )}</tbody></table>`
              : ''
          }
          <form method="post" action="/invitations">${csrf}<input name="email" type="email" placeholder="Email (optional)" aria-label="Invitee email" />
            <select name="role" aria-label="Role"><option value="member">Member (read only)</option><option value="admin">Admin (manages keys and workspaces)</option></select>
            <button>Create invitation link</button></form></div>`
            : ''
        }`,
        user,
      ),
      status,
    );
  };

  /** Every write needs a signed-in owner or admin and the session's CSRF token. */
  const writer = async (c: Context<AppEnv>): Promise<{ user: SessionUser; form: Record<string, unknown> } | Response> => {
    const user = c.get('user');
    if (!user) return c.redirect('/login');
    const form = await c.req.parseBody();
    if (!validCsrf(user, form._csrf)) return c.text(CSRF_REJECTED, 403);
    if (!canManageRole(user)) return c.text('Only owners and admins can change this.', 403);
    return { user, form };
  };

  routes.get('/', async (c) => {
    const user = c.get('user');
    return user ? render(c, user) : c.redirect('/login');
  });

  /** A workspace form's name and time zone, or undefined when either is missing or wrong. */
  const workspaceForm = (form: Record<string, unknown>) => {
    const name = formText(form, 'name');
    const timezone = canonicalTimeZone(formText(form, 'timezone'));
    return name && timezone ? { name, timezone } : undefined;
  };
  const WORKSPACE_FORM_ERROR = 'Give the workspace a name and pick a time zone.';

  routes.post('/workspaces', async (c) => {
    const w = await writer(c);
    if (w instanceof Response) return w;
    const input = workspaceForm(w.form);
    if (!input) return render(c, w.user, { error: WORKSPACE_FORM_ERROR }, 400);
    const { name, timezone } = input;
    await createWorkspace(deps.db, w.user.account_id, { name, timezone });
    await deps.db.notify(CREDENTIALS_CHANNEL, w.user.account_id); // account-wide keys now see one more workspace
    return c.redirect('/');
  });

  routes.post('/workspaces/:id', async (c) => {
    const w = await writer(c);
    if (w instanceof Response) return w;
    const input = workspaceForm(w.form);
    if (!input) return render(c, w.user, { error: WORKSPACE_FORM_ERROR }, 400);
    const origins = parseOrigins(formText(w.form, 'tracking_origins') ?? '');
    if (!origins.ok)
      return render(c, w.user, { error: `"${origins.entry}" is not a web origin: write it as https://www.example.com.` }, 400);
    if (!(await updateWorkspace(deps.db, w.user.account_id, c.req.param('id'), { ...input, trackingOrigins: origins.origins })))
      return render(c, w.user, { error: 'No such workspace.' }, 404);
    await deps.db.notify(CREDENTIALS_CHANNEL, w.user.account_id); // principals carry workspace names and zones
    return c.redirect('/');
  });

  routes.post('/keys', async (c) => {
    const w = await writer(c);
    if (w instanceof Response) return w;
    const kind = formText(w.form, 'kind') as KeyKind;
    const name = formText(w.form, 'name');
    if (!(kind in KEY_KINDS) || !name) return render(c, w.user, { error: 'Give the key a name and a kind.' }, 400);
    try {
      const key = await createApiKey(deps.db, {
        accountId: w.user.account_id,
        workspaceId: formText(w.form, 'workspace') || null,
        kind,
        name,
      });
      return render(c, w.user, { created: { secret: key.secret, kind, name } });
    } catch (error) {
      if (error instanceof CredentialError) return render(c, w.user, { error: error.message }, 400);
      throw error;
    }
  });

  routes.post('/invitations', async (c) => {
    const w = await writer(c);
    if (w instanceof Response) return w;
    const email = formText(w.form, 'email') || null;
    const role = formText(w.form, 'role');
    if (role !== 'admin' && role !== 'member') return render(c, w.user, { error: 'Pick a role.' }, 400);
    const token = await createInvitation(deps.db, { accountId: w.user.account_id, email, role, createdBy: w.user.id });
    return render(c, w.user, { inviteLink: `${deps.publicUrl}/invite/${token}` });
  });

  routes.post('/invitations/:id/cancel', async (c) => {
    const w = await writer(c);
    if (w instanceof Response) return w;
    await cancelInvitation(deps.db, w.user.account_id, c.req.param('id'));
    return c.redirect('/');
  });

  // Owners and admins disconnect any app of the account; a member, the apps they approved.
  routes.post('/connected-apps/:id/revoke', async (c) => {
    const user = c.get('user');
    if (!user) return c.redirect('/login');
    const form = await c.req.parseBody();
    if (!validCsrf(user, form._csrf)) return c.text(CSRF_REJECTED, 403);
    const grantId = c.req.param('id');
    const ownApp = (await listConnectedApps(deps.db, user.account_id)).some((a) => a.id === grantId && a.user_email === user.email);
    if (!canManageRole(user) && !ownApp) return c.text('Only owners and admins can disconnect apps others approved.', 403);
    if (!(await revokeGrant(deps.db, grantId, user.account_id))) return render(c, user, { error: 'No such connected app.' }, 404);
    return c.redirect('/');
  });

  routes.post('/keys/:id/revoke', async (c) => {
    const w = await writer(c);
    if (w instanceof Response) return w;
    await revokeApiKey(deps.db, c.req.param('id'), w.user.account_id);
    return c.redirect('/');
  });

  return routes;
}
