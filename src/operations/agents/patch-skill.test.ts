import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { patchSkill } from './patch-skill.ts';

await describeOperation(patchSkill, (h) => {
  const skillsOfOneAgent = async () =>
    h.sql<{ id: string; name: string; agent_id: string }>(
      `select id, name, agent_id from agent_skills where agent_id = (select agent_id from agent_skills where workspace_id = any($1)
         order by agent_id limit 1) order by name`,
      [await h.workspaceIds('northwind')],
    );

  test("switches a skill off, rewrites it and clears its trigger; another skill's name is refused", async () => {
    const [skill, other] = await skillsOfOneAgent();
    const { skill: off, changed } = await h.call(patchSkill, { skill_id: skill!.id, enabled: false, trigger: null, instructions: 'New.' });
    assert.deepEqual(changed, ['trigger', 'instructions', 'enabled']);
    assert.deepEqual([off.enabled, off.trigger, off.instructions], [false, null, 'New.']);
    await h.refuse(patchSkill, { skill_id: skill!.id, name: other!.name }, 'conflict');
    assert.deepEqual((await h.call(patchSkill, { skill_id: skill!.id, enabled: false })).changed, []);
  });

  test('nothing to change, another tenant and a read-only key are refused', async () => {
    const [skill] = await skillsOfOneAgent();
    await h.refuse(patchSkill, { skill_id: skill!.id }, 'invalid_argument');
    await h.refuse(patchSkill, { skill_id: skill!.id, enabled: true }, 'insufficient_scope', h.as.northwindReadOnly);
    const theirs = await h.one<{ id: string }>('select id from agent_skills where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(patchSkill, { skill_id: theirs.id, enabled: false }, 'not_found');
  });
});
