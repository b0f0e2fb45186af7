import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Database } from '../db/database.ts';
import { sessionUser } from '../domain/users/queries.ts';
import { SESSION_DAYS, type SessionUser } from '../domain/users/schema.ts';
import type { AppEnv } from '../request/context.ts';

export const SESSION_COOKIE = 'parley_session';

/** Puts the signed-in user (if any) on the context. */
export function loadSession(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? await sessionUser(db, token) : undefined;
    if (user) c.set('user', user);
    await next();
  };
}

/** HttpOnly and SameSite always; Secure whenever the public URL is HTTPS. */
export function setSessionCookie(c: Context<AppEnv>, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: SESSION_DAYS * 86_400 });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export const CSRF_REJECTED = 'The form was not valid (CSRF token). Reload the page and try again.';

/** Whether a submitted form carries the session's CSRF token (compared in constant time). */
export function validCsrf(user: SessionUser, submitted: unknown): boolean {
  if (typeof submitted !== 'string') return false;
  const a = Buffer.from(submitted);
  const b = Buffer.from(user.csrf_token);
  return a.length === b.length && timingSafeEqual(a, b);
}
