import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';

/**
 * Every script a Parley page runs: a few constant lines, inline, no build step. The Content-Security-Policy allows
 * exactly these by their hashes (see security-headers.ts), so no injected script could run, and no inline event
 * handlers are used.
 */
// Browsers report current zone names (Asia/Kolkata) where the server's list may hold older ones (Asia/Calcutta): a
// zone the list lacks is added as it is, and the server stores its own name for it (canonicalTimeZone).
const GUESS_ZONE = `for (const select of document.querySelectorAll('select[data-guess-zone]')) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) continue;
  if (![...select.options].some((o) => o.value === zone)) select.add(new Option(zone, zone));
  select.value = zone;
}`;

const COPY_BUTTONS = `for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', () => navigator.clipboard.writeText(document.getElementById(button.dataset.copy).textContent));
}`;

const SOURCES = [GUESS_ZONE, COPY_BUTTONS];

/** Preselects the browser's own zone in time-zone pickers that have no saved value. */
export const GUESS_ZONE_SCRIPT = html`<script>${raw(GUESS_ZONE)}</script>`;
/** Makes `<button data-copy="element-id">` copy that element's text. */
export const COPY_BUTTONS_SCRIPT = html`<script>${raw(COPY_BUTTONS)}</script>`;

/** CSP source expressions for the scripts above. */
export const SCRIPT_HASHES = SOURCES.map((source) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`);
