/**
 * Knowledge nodes as a support team keeps them: a short description and keywords beside the body, who wrote it, and a
 * review status of draft, in_review or published (approved nodes are published; those marked for update go back to
 * review).
 */
export const sql = /* sql */ `
alter table kb_articles drop constraint kb_articles_review_status_check;
update kb_articles set review_status = case review_status when 'approved' then 'published' when 'needs_update' then 'in_review' else review_status end;
alter table kb_articles add constraint kb_articles_review_status_check check (review_status in ('draft', 'in_review', 'published'));
alter table kb_articles add column description text;
alter table kb_articles add column keywords text[] not null default '{}';
alter table kb_articles add column author text;
create index kb_articles_workspace on kb_articles (workspace_id, path);
`;
