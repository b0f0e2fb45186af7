import { html, raw } from 'hono/html';
import { page } from '../web/layout.ts';

/** The pages oidc-provider renders itself, in Parley's layout. */

/** When an authorization request cannot go back to the app (bad client, bad redirect URI). */
export function errorPage(error: string, description: string | undefined): string {
  return page('Cannot connect', html`<div class="card" style="max-width:560px">
    <h1>This app cannot connect</h1>
    <p class="error" role="alert">${description ?? error}</p>
    <p class="muted">Error code: <code>${error}</code>. Start the connection again from your app; if it keeps failing, remove
    and re-add the server there.</p></div>`).toString();
}

/** An app asked to sign the person out of the authorization server; `form` is the provider's own (with its token). */
export function logoutPage(host: string, form: string): string {
  return page('Sign out', html`<div class="card" style="max-width:480px">
    <h1>Sign out of ${host}?</h1>${raw(form)}
    <p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
    <button type="submit" form="op.logoutForm">No, stay signed in</button></p></div>`).toString();
}

export function signedOutPage(): string {
  return page('Signed out', html`<div class="card" style="max-width:480px"><h1>You are signed out</h1>
    <p>Apps you connected stay connected until you disconnect them in the dashboard.</p></div>`).toString();
}
