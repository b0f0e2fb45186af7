import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { getCookie } from 'hono/cookie';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import type { Database } from '../db/database.ts';
import { acceptInvitation, InvitationError } from '../domain/users/commands.ts';
import { openInvitation } from '../domain/users/queries.ts';
import { createSession, endSession } from '../domain/users/commands.ts';
import { createFirstOwner } from '../domain/users/commands.ts';
import { countUsers } from '../domain/users/queries.ts';
import type { AppEnv } from '../request/context.ts';
import type { LoginAttempts } from '../limits/login-attempts.ts';
import { canonicalTimeZone } from '../time-zone.ts';
import { INTERACTION_PATH } from '../oauth/provider.ts';
import { formText } from './form.ts';
import { signIn } from './sign-in.ts';
import { page } from './layout.ts';
import { GUESS_ZONE_SCRIPT } from './scripts.ts';
import { timeZoneSelect } from './time-zones.ts';
import { clearSessionCookie, CSRF_REJECTED, SESSION_COOKIE, setSessionCookie, validCsrf } from './session.ts';

export interface AuthRouteDeps {
  db: Database;
  loginAttempts: LoginAttempts;
  secureCookies: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with a new person's name, email and password, if anything. */
function personProblem(name: string, email: string, password: string): string | undefined {
  if (!name) return 'Fill in your name.';
  if (!EMAIL.test(email)) return 'Enter a valid email address.';
  if (password.length < MIN_PASSWORD_LENGTH) return `Use a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  return undefined;
}

function invitePage(accountName: string, error?: string, values: { name?: string; email?: string } = {}) {
  return page(
    `Join ${accountName}`,
    html`<div class="card" style="max-width:480px">
    <h1>Join ${accountName}</h1>
    ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
    <form method="post">
      <label for="name">Your name</label><input id="name" name="name" required value="${values.name ?? ''}" />
      <label for="email">Email</label><input id="email" name="email" type="email" required value="${values.email ?? ''}" />
      <label for="password">Password (at least ${MIN_PASSWORD_LENGTH} characters)</label><input id="password" name="password" type="password" required minlength="${MIN_PASSWORD_LENGTH}" />
      <p><button type="submit">Join</button></p>
    </form></div>`,
  );
}

function signupPage(error?: string, values: Record<string, string> = {}) {
  return page(
    'Create your account',
    html`<div class="card" style="max-width:480px">
    <h1>Welcome to Parley</h1><p class="muted">The first person to sign up creates the account and becomes its owner.</p>
    ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
    <form method="post" action="/signup">
      <label for="name">Your name</label><input id="name" name="name" required value="${values.name ?? ''}" />
      <label for="email">Email</label><input id="email" name="email" type="email" required value="${values.email ?? ''}" />
      <label for="password">Password (at least ${MIN_PASSWORD_LENGTH} characters)</label><input id="password" name="password" type="password" required minlength="${MIN_PASSWORD_LENGTH}" />
      <label for="account">Company (account) name</label><input id="account" name="account" required value="${values.account ?? ''}" />
      <label for="workspace">First workspace</label><input id="workspace" name="workspace" required value="${values.workspace ?? 'Website'}" />
      <label for="timezone">Time zone</label>${timeZoneSelect({ name: 'timezone', id: 'timezone' }, values.timezone)}
      <p><button type="submit">Create account</button></p>
    </form></div>${GUESS_ZONE_SCRIPT}`,
  );
}

/** The sign-in form; the OAuth authorization pages show it too, posting to their own URL with a line of context. */
export function loginPage(error?: string, email = '', options: { action?: string; intro?: string } = {}) {
  return page(
    'Sign in',
    html`<div class="card" style="max-width:420px">
    <h1>Sign in</h1>
    ${options.intro ? html`<p>${options.intro}</p>` : ''}
    ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
    <form method="post" action="${options.action ?? '/login'}">
      <label for="email">Email</label><input id="email" name="email" type="email" required value="${email}" />
      <label for="password">Password</label><input id="password" name="password" type="password" required />
      <p><button type="submit">Sign in</button></p>
    </form></div>`,
  );
}

/** Sign-up (first user only), sign-in with attempt limiting, sign-out. */
export function authRoutes(deps: AuthRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/signup', async (c) => {
    if ((await countUsers(deps.db)) > 0) return c.redirect('/login');
    return c.html(signupPage());
  });

  routes.post('/signup', async (c) => {
    const form = await c.req.parseBody();
    const values = {
      name: formText(form, 'name'),
      email: formText(form, 'email'),
      account: formText(form, 'account'),
      workspace: formText(form, 'workspace'),
      timezone: canonicalTimeZone(formText(form, 'timezone')) ?? '',
    };
    const password = typeof form.password === 'string' ? form.password : '';
    const problem =
      !values.account || !values.workspace
        ? 'Fill in every field.'
        : (personProblem(values.name, values.email, password) ?? (!values.timezone ? 'Pick a time zone from the list.' : undefined));
    if (problem) return c.html(signupPage(problem, values), 400);
    const passwordHash = await hashPassword(password);
    const user = await deps.db.transaction((tx) =>
      createFirstOwner(tx, {
        accountName: values.account,
        workspaceName: values.workspace,
        timezone: values.timezone,
        name: values.name,
        email: values.email,
        passwordHash,
      }),
    );
    if (!user) return c.redirect('/login');
    setSessionCookie(c, await createSession(deps.db, user.id), deps.secureCookies);
    return c.redirect('/');
  });

  const gone = (c: Context<AppEnv>) =>
    c.html(
      page(
        'Invitation',
        html`<div class="card"><p class="error">This invitation link has been used, has expired, or was cancelled. Ask for a new one.</p></div>`,
      ),
      404,
    );

  routes.get('/invite/:token', async (c) => {
    const invitation = await openInvitation(deps.db, c.req.param('token'));
    return invitation ? c.html(invitePage(invitation.account_name, undefined, { email: invitation.email ?? '' })) : gone(c);
  });

  routes.post('/invite/:token', async (c) => {
    const token = c.req.param('token');
    const invitation = await openInvitation(deps.db, token);
    if (!invitation) return gone(c);
    const form = await c.req.parseBody();
    const values = { name: formText(form, 'name'), email: formText(form, 'email') };
    const password = typeof form.password === 'string' ? form.password : '';
    const problem = personProblem(values.name, values.email, password);
    if (problem) return c.html(invitePage(invitation.account_name, problem, values), 400);
    const passwordHash = await hashPassword(password);
    try {
      const user = await deps.db.transaction((tx) => acceptInvitation(tx, token, { ...values, passwordHash }));
      setSessionCookie(c, await createSession(deps.db, user.id), deps.secureCookies);
      return c.redirect('/');
    } catch (error) {
      if (error instanceof InvitationError) return c.html(invitePage(invitation.account_name, error.message, values), 400);
      throw error;
    }
  });

  routes.get('/login', async (c) => {
    if ((await countUsers(deps.db)) === 0) return c.redirect('/signup');
    return c.html(loginPage());
  });

  routes.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const email = formText(form, 'email');
    const result = await signIn(c, deps, email, typeof form.password === 'string' ? form.password : '');
    return result.ok ? c.redirect('/') : c.html(loginPage(result.message, email), result.status);
  });

  routes.post('/logout', async (c) => {
    const user = c.get('user');
    const form = await c.req.parseBody();
    if (user && !validCsrf(user, form._csrf)) return c.text(CSRF_REJECTED, 403);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await endSession(deps.db, token);
    clearSessionCookie(c);
    // Signing out from a consent page goes back to it, to sign in as someone else.
    const next = formText(form, 'next');
    return c.redirect(next.startsWith(`${INTERACTION_PATH}/`) && !next.includes('//') ? next : '/login');
  });

  return routes;
}
