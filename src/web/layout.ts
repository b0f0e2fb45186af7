import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { SessionUser } from '../domain/users/schema.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The page shell: plain, fast, no build step. Every interpolated value is escaped by hono/html. */
export function page(title: string, body: Html, user?: SessionUser): Html {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Parley</title>
    <style>
      body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1f2937; background: #f9fafb; }
      header { background: #111827; color: #fff; padding: 10px 24px; display: flex; gap: 20px; align-items: center; }
      header a { color: #e5e7eb; text-decoration: none; } header .me { margin-left: auto; }
      main { max-width: 960px; margin: 24px auto; padding: 0 24px; }
      .card { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 16px 20px; margin-bottom: 20px; }
      table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 6px 8px; border-bottom: 1px solid #f3f4f6; vertical-align: top; }
      input, select, button { font: inherit; padding: 6px 8px; border: 1px solid #d1d5db; border-radius: 6px; }
      button { background: #2563eb; color: #fff; border-color: #2563eb; cursor: pointer; } button.danger { background: #dc2626; border-color: #dc2626; }
      label { display: block; margin: 8px 0 4px; font-weight: 600; } .error { color: #b91c1c; } .muted { color: #6b7280; font-size: 13px; }
      code, pre { background: #f3f4f6; border-radius: 4px; padding: 2px 4px; font-size: 13px; } pre { padding: 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
      .secret { font-size: 15px; background: #fef3c7; padding: 8px; border-radius: 6px; display: inline-block; }
      form.inline { display: inline; } button.link { background: none; border: none; color: #2563eb; padding: 0; font-size: 13px; }
    </style>
  </head>
  <body>
    <header>
      <strong>Parley</strong>
      ${
        user
          ? html`<a href="/">Dashboard</a><a href="/docs">API reference</a><span class="me">${user.name} · ${user.account_name}
        <form class="inline" method="post" action="/logout"><input type="hidden" name="_csrf" value="${user.csrf_token}" /><button>Sign out</button></form></span>`
          : ''
      }
    </header>
    <main>${body}</main>
  </body>
</html>`;
}
