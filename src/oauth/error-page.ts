import { html } from 'hono/html';
import { page } from '../web/layout.ts';

/** What a person sees when an authorization request cannot go back to the app (bad client, bad redirect URI). */
export function errorPage(error: string, description: string | undefined): string {
  return page('Cannot connect', html`<div class="card" style="max-width:560px">
    <h1>This app cannot connect</h1>
    <p class="error" role="alert">${description ?? error}</p>
    <p class="muted">Error code: <code>${error}</code>. Start the connection again from your app; if it keeps failing, remove
    and re-add the server there.</p></div>`).toString();
}
