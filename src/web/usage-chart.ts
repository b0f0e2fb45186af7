import { html } from 'hono/html';

/**
 * Calls per day as a small inline SVG bar chart (no script, no library): one bar per day, oldest on the left,
 * each with a tooltip giving its date and count. `max` is shared across charts so they compare at a glance.
 */
export function usageChart(series: number[], max: number, today = new Date()) {
  const width = 4;
  const gap = 1;
  const height = 28;
  const bars = series.map((calls, i) => {
    const h = max === 0 ? 0 : Math.max(calls > 0 ? 1 : 0, Math.round((calls / max) * height));
    const day = new Date(today.getTime() - (series.length - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    return html`<rect x="${i * (width + gap)}" y="${height - h}" width="${width}" height="${h}" fill="#2563eb"><title>${day}: ${calls} calls</title></rect>`;
  });
  return html`<svg role="img" aria-label="Calls per day, last ${series.length} days" width="${series.length * (width + gap)}" height="${height}" style="background:#f3f4f6">${bars}</svg>`;
}
