import { parsedUrl } from '../../parsed-url.ts';

/**
 * The tracking origins a person typed (separated by spaces, commas or new lines), each reduced to its origin
 * (`https://www.example.com/pricing` is `https://www.example.com`), or the first entry that is not a web address.
 * `*` lets any page send events, which only a test site should want.
 */
export function parseOrigins(text: string): { ok: true; origins: string[] } | { ok: false; entry: string } {
  const origins = new Set<string>();
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    if (entry === '*') {
      origins.add(entry);
      continue;
    }
    const url = parsedUrl(entry);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return { ok: false, entry };
    origins.add(url.origin);
  }
  return { ok: true, origins: [...origins] };
}
