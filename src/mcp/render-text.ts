/**
 * A tool result as the text a model reads: the facts of `structuredContent` (which stays the full typed object) in
 * fewer tokens. Lists of objects become tables with their keys written once; nulls, empty lists and empty objects are
 * left out; nested objects are indented. Text that is not a plain token is JSON-quoted, so a value never runs into the
 * next one, and what a visitor wrote stays visibly quoted data. A list of messages reads as a transcript.
 */
export function renderText(value: Record<string, unknown>): string {
  return objectLines(value, '').join('\n');
}

const PLAIN = /^[\w.@:+/#-]+$/;

/** Whether text is written as it is (a plain token) rather than JSON-quoted, in the text and in JSON alike. */
export const isQuoted = (text: string) => !PLAIN.test(text);

/** An ISO instant on a whole second or minute: its `.000` (and `:00`) say nothing. */
const WHOLE_SECOND = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})\.000Z$/;

function scalar(value: unknown): string {
  if (typeof value === 'string') {
    const instant = WHOLE_SECOND.exec(value);
    if (instant) return `${instant[1]}${instant[2] === ':00' ? '' : instant[2]}Z`;
    return isQuoted(value) ? JSON.stringify(value) : value;
  }
  return String(value);
}

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  (Array.isArray(value) && value.length === 0) ||
  (isObject(value) && Object.keys(value).length === 0);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectLines(object: Record<string, unknown>, indent: string): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (isEmpty(value)) continue;
    if (Array.isArray(value)) {
      if (value.every(isMessage)) lines.push(`${indent}${key} (${value.length}):`, ...transcript(value, `${indent}  `));
      else if (value.every(isObject)) lines.push(`${indent}${key} (${value.length}):`, ...table(value, `${indent}  `));
      else lines.push(`${indent}${key}: ${value.map(cell).join(', ')}`);
    } else if (isObject(value)) {
      lines.push(`${indent}${key}:`, ...objectLines(value, `${indent}  `));
    } else {
      lines.push(`${indent}${key}: ${scalar(value)}`);
    }
  }
  return lines;
}

/**
 * Rows of objects as one header line and one line per row; a row's nested objects flatten to `parent.child` columns,
 * and a column with the same value in every row becomes one `every row:` line.
 * Rows that share few of their columns (each tool's own input schema, say) make a table of mostly empty cells: when
 * writing them one object after another (each opened by `-`) is shorter, they are written so.
 */
function table(rows: Array<Record<string, unknown>>, indent: string): string[] {
  const flat = rows.map((row) => flatten(row, ''));
  const allColumns = [...new Set(flat.flatMap((row) => [...row.keys()]))];
  // A value every row shares (one workspace, one channel) is written once, above the table.
  const shared =
    rows.length >= MIN_SHARED_ROWS ? allColumns.filter((column) => flat.every((row) => row.get(column) === flat[0]!.get(column))) : [];
  const columns = allColumns.filter((column) => !shared.includes(column));
  const asTable = [
    ...(shared.length > 0 ? [`${indent}every row: ${shared.map((column) => `${column}=${flat[0]!.get(column)}`).join(', ')}`] : []),
    `${indent}${columns.join(' | ')}`,
    ...flat.map((row) => `${indent}${columns.map((column) => row.get(column) ?? '').join(' | ')}`),
  ];
  const asObjects = rows.flatMap((row) =>
    objectLines(row, `${indent}  `).map((line, i) => (i === 0 ? `${indent}- ${line.slice(indent.length + 2)}` : line)),
  );
  return length(asObjects) < length(asTable) ? asObjects : asTable;
}

/** Below this many rows, a shared value is not worth a line of its own. */
const MIN_SHARED_ROWS = 3;

const length = (lines: string[]) => lines.reduce((sum, line) => sum + line.length + 1, 0);

/** A row's cells: nested objects of plain fields become `parent.child` columns; anything deeper stays one JSON cell. */
function flatten(object: Record<string, unknown>, prefix: string, into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(object)) {
    if (isEmpty(value)) continue;
    if (isObject(value) && !Object.values(value).some(isObject)) flatten(value, `${prefix}${key}.`, into);
    else into.set(`${prefix}${key}`, cell(value));
  }
  return into;
}

/**
 * A value inside a table cell or an inline list: a list of scalars joined in brackets; a list of flat objects with
 * its keys once, `{id, name} a, "A"; b, "B"`; anything deeper as compact JSON.
 */
function cell(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.every((v) => !isObject(v) && !Array.isArray(v))) return `[${value.map(scalar).join(', ')}]`;
    if (value.every((v) => isObject(v) && Object.values(v).every((field) => !isObject(field) && !Array.isArray(field)))) {
      const keys = [...new Set(value.flatMap((v) => Object.keys(v as object)))];
      const rows = (value as Array<Record<string, unknown>>).map((v) => keys.map((k) => (isEmpty(v[k]) ? '' : scalar(v[k]))).join(', '));
      return `{${keys.join(', ')}} ${rows.join('; ')}`;
    }
    return JSON.stringify(value);
  }
  if (isObject(value)) return JSON.stringify(value);
  return scalar(value);
}

/** What a transcript line carries; a list of rows with other fields is a table. */
const MESSAGE_FIELDS = new Set([
  'id',
  'role',
  'author_name',
  'body',
  'body_truncated',
  'created_at',
  'status',
  'status_reason',
  'visibility',
]);

function isMessage(value: unknown): value is Record<string, unknown> {
  return (
    isObject(value) &&
    typeof value.body === 'string' &&
    typeof value.role === 'string' &&
    typeof value.created_at === 'string' &&
    Object.keys(value).every((key) => MESSAGE_FIELDS.has(key))
  );
}

/**
 * Messages as a transcript: each day once, then `time role author: "body"` per message, the body always quoted; an
 * internal note says so. An outgoing message adds its delivery status and its id (what a delivery report names); others leave their id to
 * structuredContent, since a model reads a transcript and acts on the conversation, and ids would double its length.
 */
function transcript(messages: Array<Record<string, unknown>>, indent: string): string[] {
  const lines: string[] = [];
  let day = '';
  for (const message of messages) {
    const at = String(message.created_at);
    if (at.slice(0, 10) !== day) {
      day = at.slice(0, 10);
      lines.push(`${indent}${day}:`);
    }
    const author = isEmpty(message.author_name) ? '' : ` ${scalar(message.author_name)}`;
    const status = isEmpty(message.status)
      ? ''
      : ` [${String(message.status)}${isEmpty(message.status_reason) ? '' : `: ${scalar(message.status_reason)}`} ${String(message.id)}]`;
    const cut = message.body_truncated ? ' (cut)' : '';
    const note = message.visibility === 'internal' ? ' (internal note)' : '';
    lines.push(`${indent}  ${at.slice(11, 19)} ${String(message.role)}${author}${note}${status}: ${JSON.stringify(message.body)}${cut}`);
  }
  return lines;
}
