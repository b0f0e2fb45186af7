/** Text as a URL, or null when it does not parse (Node 20 has no `URL.parse`): one parse, no exception to the caller. */
export function parsedUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
