/**
 * The one rule every surface applies to what callers send, before anything reaches SQL or an object copy:
 * - text must be storable and comparable by PostgreSQL: no NUL character, no lone UTF-16 surrogate (JSON can carry
 *   both; PostgreSQL refuses the first and its jsonb the second, mid-query);
 * - no `__proto__` name: copying such a key (as the MCP SDK's parser does) rewrites an object's prototype instead
 *   of keeping the key, so one protocol era would drop it silently while another refused it;
 * - no nesting deeper than anything Parley takes, so the walk itself stays bounded.
 */
export interface InputProblem {
  /** Where, as `field.sub.0`; empty for the value itself. */
  path: string;
  /** Bad text, a refused name, or nesting too deep. */
  kind: 'text' | 'name' | 'depth';
  message: string;
}

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const RESERVED_NAME = '__proto__';
const MAX_DEPTH = 32;

function textProblem(text: string): string | undefined {
  if (text.includes(NUL)) return 'contains a NUL character (U+0000), which cannot be stored; remove it';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate, which is not valid Unicode; send well-formed text';
  return undefined;
}

/** The first thing in `value` that breaks the rule, or undefined when it is all acceptable. */
export function findInputProblem(value: unknown): InputProblem | undefined {
  const found = problemIn(value, 0);
  if (!found) return undefined;
  return {
    path: found.segments.length > 0 ? found.segments.reverse().join('.') : found.rootPath,
    kind: found.kind,
    message: found.message,
  };
}

/** A problem as the walk finds it: where it is, innermost first (the path is only spelled out for a problem). */
interface Found {
  segments: string[];
  /** The path of a problem found in the value itself. */
  rootPath: string;
  kind: InputProblem['kind'];
  message: string;
}

function problemIn(value: unknown, depth: number): Found | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { segments: [], rootPath: '', kind: 'text', message: problem } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > MAX_DEPTH) return { segments: [], rootPath: '', kind: 'depth', message: `is nested more than ${MAX_DEPTH} levels deep` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = problemIn(value[i], depth + 1);
      if (found) return within(found, String(i));
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (key === RESERVED_NAME) return { segments: [key], rootPath: '', kind: 'name', message: `"${RESERVED_NAME}" is not an allowed name` };
    const keyProblem = textProblem(key);
    // A bad name is reported where its object is.
    if (keyProblem) return { segments: [], rootPath: 'name', kind: 'text', message: `a name ${keyProblem}` };
    const found = problemIn((value as Record<string, unknown>)[key], depth + 1);
    if (found) return within(found, key);
  }
  return undefined;
}

function within(found: Found, segment: string): Found {
  found.segments.push(segment);
  return found;
}

/** The problem as one sentence naming where it is, e.g. `search: contains a NUL character ...`. */
export function describeInputProblem(problem: InputProblem, root = 'input'): string {
  return `${problem.path || root}: ${problem.message}.`;
}
