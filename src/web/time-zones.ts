import { html } from 'hono/html';

/** Every IANA zone the runtime knows, UTC first (Intl's list leaves it out). */
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((tz) => tz !== 'UTC')];

/**
 * A time-zone picker. With no saved value it starts on the browser's own zone (a line of script; without it,
 * UTC), which is what a person setting up a workspace nearly always means.
 */
export function timeZoneSelect(attributes: { name: string; id?: string; label?: string }, selected?: string) {
  return html`<select name="${attributes.name}" ${attributes.id ? html`id="${attributes.id}"` : ''} aria-label="${attributes.label ?? 'Time zone'}" ${selected ? '' : html`data-guess-zone`}>${TIME_ZONES.map(
    (tz) => html`<option ${tz === (selected ?? 'UTC') ? 'selected' : ''}>${tz}</option>`,
  )}</select>`;
}
