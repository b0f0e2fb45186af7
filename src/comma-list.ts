/** Comma-separated text as its trimmed, non-empty items: settings, tool selections, REST lists, workspace lists. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
