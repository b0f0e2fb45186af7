import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { deleteSkill } from './delete-skill.ts';

await describeOperation(deleteSkill, (h) => {
  test('removes the skill for good, announced; once gone it is not found', async () => {
    const skill = await h.one<{ id: string; name: string }>(
      'select id, name from agent_skills where workspace_id = any($1) order by id limit 1',
      [await h.workspaceIds('northwind')],
    );
    const { deleted } = await h.call(deleteSkill, { skill_id: skill.id });
    assert.equal(deleted.name, skill.name);
    await h.refuse(deleteSkill, { skill_id: skill.id }, 'not_found');
    const { n } = await h.one<{ n: number }>(`select count(*) as n from outbox where subject_id = $1 and event_type = 'skill.deleted'`, [
      skill.id,
    ]);
    assert.equal(n, 1);
  });

  test('another tenant and a read-only key are refused', async () => {
    const ours = await h.one<{ id: string }>('select id from agent_skills where workspace_id = any($1) order by id desc limit 1', [
      await h.workspaceIds('northwind'),
    ]);
    await h.refuse(deleteSkill, { skill_id: ours.id }, 'insufficient_scope', h.as.northwindReadOnly);
    const theirs = await h.one<{ id: string }>('select id from agent_skills where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(deleteSkill, { skill_id: theirs.id }, 'not_found');
  });
});
