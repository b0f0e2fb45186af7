/**
 * Keeps a result within a model's context budget. Claude Code refuses tool results over 25,000 tokens; Parley
 * keeps each rendering under ~10k tokens by cutting the longest lists and saying what was left out.
 */
export const MAX_RESULT_CHARS = 20_000; // ~5k tokens per rendering; the text and structured forms together stay under 10k

interface ArraySlot {
  path: string;
  array: unknown[];
}

function findArrays(value: unknown, path: string, out: ArraySlot[], depth: number): void {
  if (depth > 3 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    out.push({ path, array: value });
    return;
  }
  for (const [key, child] of Object.entries(value)) findArrays(child, path ? `${path}.${key}` : key, out, depth + 1);
}

/** The result, cut to fit when needed, with its JSON (serialised once here, reused by every surface). */
export function boundResult<T extends Record<string, unknown>>(result: T, maxChars = MAX_RESULT_CHARS): { value: T; json: string } {
  const json = JSON.stringify(result);
  if (json.length <= maxChars) return { value: result, json };
  let size = json.length;
  const copy = structuredClone(result);
  const slots: ArraySlot[] = [];
  findArrays(copy, '', slots, 0);
  const omitted = new Map<string, number>();
  while (size > maxChars) {
    const largest = slots
      .filter((s) => s.array.length > 0)
      .map((s) => ({ slot: s, bytes: JSON.stringify(s.array).length }))
      .sort((a, b) => b.bytes - a.bytes)[0];
    if (!largest) break;
    const cut = Math.max(1, Math.ceil(largest.slot.array.length * Math.min(0.5, (size - maxChars) / largest.bytes + 0.05)));
    largest.slot.array.splice(largest.slot.array.length - cut, cut);
    omitted.set(largest.slot.path, (omitted.get(largest.slot.path) ?? 0) + cut);
    size = JSON.stringify(copy).length;
  }
  if (omitted.size > 0) {
    (copy as Record<string, unknown>).truncated = {
      omitted: [...omitted.values()].reduce((a, b) => a + b, 0),
      field: [...omitted.keys()].join(', '),
      hint: 'The result was cut to fit the context budget: lower per_page, narrow the date range, or add filters.',
    };
  }
  return { value: copy, json: JSON.stringify(copy) };
}
