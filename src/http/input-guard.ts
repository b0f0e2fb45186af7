import type { MiddlewareHandler } from 'hono';
import { describeInputProblem, findInputProblem, type InputProblem } from '../input-rules.ts';
import type { AppEnv } from '../request/context.ts';
import { jsonError } from '../request/errors.ts';
import { readBody } from '../request/json-body.ts';

const FORM_OR_JSON = /^(application\/x-www-form-urlencoded|multipart\/form-data|application\/json)\b/i;

/**
 * The shared input rule (src/input-rules.ts) at the HTTP edge, for what no operation's invoker sees: the URL of every
 * request (path and query), and the form and JSON bodies of the dashboard and the authorization server. Bodies sent
 * to /mcp and the REST API reach the invoker, which refuses the same things naming the argument.
 *
 * A checked body is read once, here, within `maxBodyBytes`: Hono's handlers get it from the request's body cache,
 * and oidc-provider, which reads Node's request itself, from `req.body` (its documented fallback for a body that
 * an upstream middleware already read).
 */
export function inputGuard(options: { maxBodyBytes: number; bodyCheckedDownstream: (path: string) => boolean }): MiddlewareHandler<AppEnv> {
  const refuse = (c: Parameters<MiddlewareHandler<AppEnv>>[0], problem: InputProblem, where: string) =>
    jsonError(
      c,
      400,
      'invalid_argument',
      describeInputProblem(problem, where),
      'Send text without NUL characters or lone surrogates, and no "__proto__" names.',
    );
  return async (c, next) => {
    const pathProblem = findInputProblem(c.req.path);
    if (pathProblem) return refuse(c, pathProblem, 'URL path');
    // Node's raw request target: cheaper than the full URL, which most requests (those without a query) never need.
    const target = c.env.incoming.url ?? '';
    const query = target.indexOf('?');
    if (query !== -1) {
      for (const [name, value] of new URLSearchParams(target.slice(query + 1))) {
        const problem = findInputProblem(Object.fromEntries([[name, value]]));
        if (problem) return refuse(c, { ...problem, path: `query parameter ${problem.path}` }, 'query');
      }
    }
    const type = c.req.header('content-type') ?? '';
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !FORM_OR_JSON.test(type) || options.bodyCheckedDownstream(c.req.path))
      return next();

    const body = await readBody(c.env.incoming, options.maxBodyBytes);
    if (!body.ok) return jsonError(c, body.status, body.code, body.message);
    // Hono's cache holds promises at run time though its type names the values.
    c.req.bodyCache.arrayBuffer = Promise.resolve(new Uint8Array(body.bytes).buffer) as unknown as ArrayBuffer;
    Object.assign(c.env.incoming, { body: body.bytes });
    const problem = findInputProblem(await parsed(c.req, type, body.bytes));
    return problem ? refuse(c, { ...problem, path: problem.path ? `field ${problem.path}` : '' }, 'body') : next();
  };
}

/** The body's fields, to check; an unparseable body is left for its handler to refuse in its own words. */
async function parsed(req: Parameters<MiddlewareHandler<AppEnv>>[0]['req'], type: string, body: Uint8Array): Promise<unknown> {
  try {
    if (/^application\/json/i.test(type)) return JSON.parse(new TextDecoder().decode(body));
    return await req.parseBody({ all: true });
  } catch {
    return undefined;
  }
}
