import transliterated from '@sindresorhus/slugify';

const MAX_LENGTH = 60;

/**
 * A URL-safe slug: lower-case ASCII words joined by dashes, transliterated by @sindresorhus/slugify ("Москва" →
 * "moskva", "Café Büro" → "cafe-buero"), at most 60 characters; `fallback` when nothing is left (a name in a
 * script that has no transliteration, such as "日本", or only symbols), so a slug is never empty.
 */
export function slugify(text: string, fallback: string): string {
  return transliterated(text).slice(0, MAX_LENGTH).replace(/-+$/, '') || fallback;
}

/**
 * Inserts with the first free slug of `base`, `base-2`, `base-3`...: `insert` runs an `insert ... on conflict do
 * nothing returning ...` and answers undefined when the slug was taken, so two requests racing for one slug each
 * get their own.
 */
export async function withFreeSlug<T>(base: string, insert: (slug: string) => Promise<T | undefined>): Promise<T> {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const row = await insert(`${base.slice(0, MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`);
    if (row !== undefined) return row;
  }
}
