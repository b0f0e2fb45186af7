import { html, raw } from 'hono/html';
import type { ProviderPages } from '../oauth/provider.ts';
import { page } from './layout.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

/** The pages oidc-provider renders itself, in Parley's layout and with its page headers. */
export const providerPages: ProviderPages = {
  error(error, description) {
    return page(
      'Cannot connect',
      html`<div class="card" style="max-width:560px">
      <h1>This app cannot connect</h1>
      <p class="error" role="alert">${description ?? error}</p>
      <p class="muted">Error code: <code>${error}</code>. Start the connection again from your app; if it keeps failing, remove
      and re-add the server there.</p></div>`,
    ).toString();
  },
  logout(host, form) {
    return page(
      'Sign out',
      html`<div class="card" style="max-width:480px">
      <h1>Sign out of ${host}?</h1>${raw(form)}
      <p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
      <button type="submit" form="op.logoutForm">No, stay signed in</button></p></div>`,
    ).toString();
  },
  signedOut() {
    return page(
      'Signed out',
      html`<div class="card" style="max-width:480px"><h1>You are signed out</h1>
      <p>Apps you connected stay connected until you disconnect them in the dashboard.</p></div>`,
    ).toString();
  },
  headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff' },
};
