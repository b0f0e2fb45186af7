import type { Context } from 'hono';
import { verifyPassword } from '../auth/passwords.ts';
import type { Database } from '../db/database.ts';
import { createSession } from '../domain/users/commands.ts';
import { findUserByEmail } from '../domain/users/queries.ts';
import type { UserRow } from '../domain/users/schema.ts';
import type { AppEnv } from '../request/context.ts';
import type { LoginAttempts } from '../limits/login-attempts.ts';
import { setSessionCookie } from './session.ts';

export type SignInResult = { ok: true; user: UserRow } | { ok: false; status: 401 | 429; message: string };

/**
 * Checks an email and password under the login-attempt limits and, when they are right, starts a dashboard session
 * (the sign-in page and the OAuth authorization pages share it).
 */
export async function signIn(
  c: Context<AppEnv>,
  deps: { db: Database; loginAttempts: LoginAttempts; secureCookies: boolean },
  email: string,
  password: string,
): Promise<SignInResult> {
  const address = c.get('clientAddress');
  const wait = await deps.loginAttempts.blockedFor(email, address);
  if (wait > 0) return { ok: false, status: 429, message: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).` };
  const user = email ? await findUserByEmail(deps.db, email) : undefined;
  if (!(await verifyPassword(user?.password_hash ?? null, password)) || !user) {
    await deps.loginAttempts.failed(email, address);
    return { ok: false, status: 401, message: 'Email or password is wrong.' };
  }
  await deps.loginAttempts.succeeded(email, address);
  setSessionCookie(c, await createSession(deps.db, user.id), deps.secureCookies);
  return { ok: true, user };
}
