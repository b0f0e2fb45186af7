import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import type Provider from 'oidc-provider';
import type { Database } from '../db/database.ts';
import { setGrantWorkspaces } from '../domain/oauth/commands.ts';
import type { SessionUser } from '../domain/users/schema.ts';
import { accountWorkspaces } from '../domain/tenancy/queries.ts';
import type { WorkspaceRow } from '../domain/tenancy/schema.ts';
import type { AppEnv } from '../request/context.ts';
import type { LoginAttempts } from '../limits/login-attempts.ts';
import { INTERACTION_PATH } from '../oauth/provider.ts';
import { OAUTH_SCOPES, RESOURCE_SCOPES, type OAuthScope } from '../oauth/scopes.ts';
import { loginPage } from './auth-routes.ts';
import { formText } from './form.ts';
import { page } from './layout.ts';
import { CSRF_REJECTED, validCsrf } from './session.ts';
import { signIn } from './sign-in.ts';

export interface OAuthPageDeps {
  db: Database;
  provider: Provider;
  mcpResource: string;
  loginAttempts: LoginAttempts;
  secureCookies: boolean;
}

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

interface ClientView {
  name: string;
  clientId: string;
  redirectHost: string;
  /** A Client ID Metadata Document client: its identity is the host serving its metadata. */
  metadataHost?: string;
}

/** Only owners and admins may let an app change data; members can connect read-only apps. */
const mayAllowWrites = (user: SessionUser) => user.role === 'owner' || user.role === 'admin';

/** The `scope` parameter of the authorization request, as a list. */
const scopeParam = (interaction: Interaction) => String(interaction.params.scope ?? '').split(' ');

/** The requested scopes Parley knows (the ones the consent page explains). */
function requestedScopes(interaction: Interaction): OAuthScope[] {
  const requested = scopeParam(interaction);
  return (Object.keys(OAUTH_SCOPES) as OAuthScope[]).filter((s) => requested.includes(s));
}

function consentPage(user: SessionUser, uid: string, client: ClientView, scopes: OAuthScope[], workspaces: WorkspaceRow[], error?: string) {
  const asksWrite = scopes.includes('mcp:write');
  return page(
    `Connect ${client.name}`,
    html`<div class="card" style="max-width:600px">
    <h1>Connect <span id="client-name">${client.name}</span> to Parley?</h1>
    <p class="muted">Client <code>${client.clientId}</code>${client.metadataHost ? html`, described by <strong>${client.metadataHost}</strong>` : ''}.
      After you decide, you go back to <strong>${client.redirectHost}</strong>.</p>
    ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
    <form method="post" action="${INTERACTION_PATH}/${uid}/consent">
      <input type="hidden" name="_csrf" value="${user.csrf_token}" />
      <h2>It asks to</h2>
      <ul>
        ${scopes.filter((s) => s !== 'mcp:write').map((s) => html`<li><strong>${s}</strong>: ${OAUTH_SCOPES[s]}</li>`)}
        ${
          asksWrite
            ? html`<li><label style="display:inline;font-weight:normal"><input type="checkbox" name="allow_write" value="1" ${mayAllowWrites(user) ? '' : 'disabled'} />
          <strong>mcp:write</strong>: ${OAUTH_SCOPES['mcp:write']}</label>
          ${mayAllowWrites(user) ? '' : html`<br /><span class="muted">Only owners and admins can allow changes.</span>`}</li>`
            : ''
        }
      </ul>
      <h2>In these workspaces</h2>
      ${workspaces.map((w) => html`<label style="font-weight:normal"><input type="checkbox" name="workspace" value="${w.id}" checked /> ${w.name} <span class="muted">(${w.slug})</span></label>`)}
      <p class="muted">Signed in as ${user.name} (${user.email}) in ${user.account_name}. You can disconnect this app at any time under Connected apps.</p>
      <p><button type="submit" name="decision" value="allow">Allow</button>
        <button type="submit" name="decision" value="deny" class="danger" formnovalidate>Deny</button></p>
    </form>
    <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${user.csrf_token}" />
      <input type="hidden" name="next" value="${INTERACTION_PATH}/${uid}" /><button type="submit" class="link">Not you? Use another account</button></form>
    </div>`,
    user,
  );
}

function expiredPage(c: Context<AppEnv>) {
  return c.html(
    page(
      'Sign-in request expired',
      html`<div class="card" style="max-width:520px"><h1>This request has expired</h1>
    <p class="error" role="alert">The connection request is no longer open (it expired, was already answered, or was started in another browser).
    Start connecting again from your app.</p></div>`,
    ),
    400,
  );
}

/**
 * The pages of an OAuth authorization: sign in (the dashboard's session, so a signed-in person goes straight on),
 * then consent with a workspace picker. The provider drives the flow; these pages report what the person decided.
 */
export function oauthPages(deps: OAuthPageDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // These pages carry a CSRF token and a one-time interaction: never keep them in a cache.
  routes.use(`${INTERACTION_PATH}/*`, async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const details = async (c: Context<AppEnv>) => {
    try {
      const interaction = await deps.provider.interactionDetails(c.env.incoming, c.env.outgoing);
      return interaction.uid === c.req.param('uid') ? interaction : undefined;
    } catch {
      return undefined; // no interaction cookie, or the interaction expired
    }
  };
  const finish = async (c: Context<AppEnv>, result: Parameters<Provider['interactionResult']>[2]) =>
    c.redirect(await deps.provider.interactionResult(c.env.incoming, c.env.outgoing, result, { mergeWithLastSubmission: true }), 303);
  const clientView = async (interaction: Interaction): Promise<ClientView> => {
    const clientId = String(interaction.params.client_id);
    const client = await deps.provider.Client.find(clientId);
    const redirect = URL.parse(String(interaction.params.redirect_uri ?? ''));
    return {
      name: client?.clientName ?? clientId,
      clientId,
      redirectHost: redirect ? redirect.host || redirect.protocol : 'the app',
      ...(clientId.startsWith('https://') && { metadataHost: new URL(clientId).host }),
    };
  };
  const loginAt = (uid: string) => ({
    action: `${INTERACTION_PATH}/${uid}/login`,
    intro: 'Sign in to Parley to connect an app to your data.',
  });

  routes.get(`${INTERACTION_PATH}/:uid`, async (c) => {
    const interaction = await details(c);
    if (!interaction) return expiredPage(c);
    const user = c.get('user');
    if (!user) return c.html(loginPage(undefined, '', loginAt(interaction.uid)));
    // Signed in to the dashboard: that person is who authorizes (also when the provider remembered someone else).
    if (interaction.prompt.name === 'login' || interaction.session?.accountId !== user.id)
      return finish(c, { login: { accountId: user.id } });
    return c.html(
      consentPage(
        user,
        interaction.uid,
        await clientView(interaction),
        requestedScopes(interaction),
        await accountWorkspaces(deps.db, user.account_id),
      ),
    );
  });

  routes.post(`${INTERACTION_PATH}/:uid/login`, async (c) => {
    const interaction = await details(c);
    if (!interaction) return expiredPage(c);
    const form = await c.req.parseBody();
    const email = formText(form, 'email');
    const result = await signIn(c, deps, email, typeof form.password === 'string' ? form.password : '');
    if (!result.ok) return c.html(loginPage(result.message, email, loginAt(interaction.uid)), result.status);
    return finish(c, { login: { accountId: result.user.id } });
  });

  routes.post(`${INTERACTION_PATH}/:uid/consent`, async (c) => {
    const interaction = await details(c);
    if (!interaction) return expiredPage(c);
    const user = c.get('user');
    const form = await c.req.parseBody({ all: true });
    if (!user || !validCsrf(user, form._csrf)) return c.text(CSRF_REJECTED, 403);
    if (interaction.prompt.name !== 'consent' || interaction.session?.accountId !== user.id)
      return c.redirect(`${INTERACTION_PATH}/${interaction.uid}`, 303);
    if (formText(form, 'decision') === 'deny')
      return finish(c, { error: 'access_denied', error_description: 'The person declined to connect this app.' });

    const workspaces = await accountWorkspaces(deps.db, user.account_id);
    const chosen = [form.workspace ?? []]
      .flat()
      .filter((id): id is string => typeof id === 'string' && workspaces.some((w) => w.id === id));
    const requested = requestedScopes(interaction);
    const granted = requested.filter((s) => s !== 'mcp:write' || (formText(form, 'allow_write') === '1' && mayAllowWrites(user)));
    if (chosen.length === 0)
      return c.html(
        consentPage(user, interaction.uid, await clientView(interaction), requested, workspaces, 'Choose at least one workspace.'),
        400,
      );

    const grant = new deps.provider.Grant({ accountId: user.id, clientId: String(interaction.params.client_id) });
    const oidcScopes = [...(scopeParam(interaction).includes('openid') ? ['openid'] : []), ...granted];
    if (oidcScopes.length > 0) grant.addOIDCScope(oidcScopes.join(' '));
    const resourceScopes = granted.filter((s) => (RESOURCE_SCOPES as readonly string[]).includes(s)).join(' ');
    const resources = [interaction.params.resource ?? deps.mcpResource].flat().map(String);
    for (const resource of resources) grant.addResourceScope(resource, resourceScopes);
    // A scope the person declined is recorded as rejected, or the provider would ask again.
    const declined = requested.filter((s) => !granted.includes(s)).join(' ');
    if (declined) {
      grant.rejectOIDCScope(declined);
      for (const resource of resources) grant.rejectResourceScope(resource, declined);
    }
    const grantId = await grant.save();
    await setGrantWorkspaces(deps.db, grantId, chosen);
    return finish(c, { consent: { grantId } });
  });

  return routes;
}
