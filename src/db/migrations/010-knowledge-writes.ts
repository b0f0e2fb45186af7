/**
 * Knowledge-base writes: each node counts its versions, and every change keeps the node as it was before (its
 * history: what changed, who changed it, through which key or app).
 */
export const sql = /* sql */ `
alter table kb_articles add column version integer not null default 1;

create table kb_article_versions (
  id text primary key,
  article_id text not null references kb_articles(id) on delete cascade,
  workspace_id text not null references workspaces(id) on delete cascade,
  version integer not null,
  path text not null,
  title text not null,
  content text not null,
  description text,
  keywords text[] not null,
  review_status text not null,
  category_id text,
  author text,
  written_at timestamptz not null,
  changed text[] not null,
  actor_id text not null,
  via text not null,
  created_at timestamptz not null default now(),
  unique (article_id, version)
);
`;
