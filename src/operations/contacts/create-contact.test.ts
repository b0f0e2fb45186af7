import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createContact } from './create-contact.ts';

await describeOperation(createContact, (h) => {
  const count = async (sql: string, params: unknown[] = []) => (await h.one<{ n: number }>(sql, params)).n;
  const rowsFor = async (id: string) => ({
    contacts: await count('select count(*) as n from contacts where id = $1', [id]),
    audit: await count('select count(*) as n from audit_log where target_id = $1', [id]),
    outbox: await count('select count(*) as n from outbox where subject_id = $1', [id]),
  });

  test('creates the contact with its email lower-cased and phone as E.164, audited and announced', async () => {
    const [web] = await h.workspaceIds('northwind');
    const input = {
      workspace: web!,
      name: 'Grace Hopper',
      email: 'Grace.Hopper@Example.COM',
      phone: '+1 (415) 555-2671',
      title: 'Rear Admiral',
      attributes: { lifecycle_stage: 'lead', team_size: 12 },
    };
    const { contact } = await h.call(createContact, input);
    const row = await h.one<Record<string, unknown>>(
      'select workspace_id, name, email, phone, title, attributes from contacts where id = $1',
      [contact.id],
    );
    assert.deepEqual(row, {
      workspace_id: web,
      name: 'Grace Hopper',
      email: 'grace.hopper@example.com',
      phone: '+14155552671',
      title: 'Rear Admiral',
      attributes: { lifecycle_stage: 'lead', team_size: 12 },
    });
    assert.match(contact.id, /^ct_/);
    const audit = await h.one<Record<string, unknown>>('select * from audit_log where target_id = $1', [contact.id]);
    assert.equal(audit.operation, 'create_contact');
    assert.equal(audit.actor_type, 'api_key');
    assert.equal(audit.actor_id, h.as.northwind.credential.id);
    assert.equal(audit.workspace_id, web);
    assert.equal(audit.target_type, 'contact');
    const outbox = await h.one<{ event_type: string; payload: Record<string, any> }>(
      'select event_type, payload from outbox where subject_id = $1',
      [contact.id],
    );
    assert.equal(outbox.event_type, 'contact.created');
    assert.equal(outbox.payload.version, 1);
    assert.deepEqual(outbox.payload.subject, { type: 'contact', id: contact.id });
    assert.equal(outbox.payload.data.email, 'grace.hopper@example.com');
  });

  test('a retry with the same key answers the same bytes and acts once; the key with other input is refused', async () => {
    const [web] = await h.workspaceIds('northwind');
    const input = { workspace: web!, name: 'Retry Person', email: 'retry@example.com', idempotency_key: 'key-retry-1' };
    const first = await h.outcome(createContact, h.as.northwind, input);
    const again = await h.outcome(createContact, h.as.northwind, { ...input });
    assert.ok(first.ok && again.ok);
    assert.equal(again.json, first.json, 'byte for byte');
    const id = (first.output.contact as { id: string }).id;
    assert.deepEqual(await rowsFor(id), { contacts: 1, audit: 1, outbox: 1 });
    const reused = await h.refuse(createContact, { ...input, name: 'Someone Else' }, 'idempotency_key_reused');
    assert.match(reused.message, /key-retry-1/);
  });

  test('refuses an email the workspace has, naming the contact, and leaves nothing behind', async () => {
    const existing = await h.one<{ id: string; email: string; workspace_id: string }>(
      'select id, email, workspace_id from contacts where email is not null and workspace_id = any($1) order by id limit 1',
      [await h.workspaceIds('northwind')],
    );
    const before = await count('select count(*) as n from audit_log');
    const error = await h.refuse(createContact, { workspace: existing.workspace_id, email: existing.email.toUpperCase() }, 'conflict');
    assert.match(error.message, new RegExp(existing.id));
    assert.equal(await count('select count(*) as n from audit_log'), before);
  });

  test('bad input gets a clear error and writes nothing', async () => {
    const [web] = await h.workspaceIds('northwind');
    const before = {
      contacts: await count('select count(*) as n from contacts'),
      audit: await count('select count(*) as n from audit_log'),
      outbox: await count('select count(*) as n from outbox'),
    };
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ workspace: web, email: 'not-an-email' }, /email: not a valid email address/],
      [{ workspace: web, phone: '555' }, /phone: not a valid phone number/],
      [{ workspace: web, name: 'A', nickname: 'B' }, /unknown argument\(s\) "nickname"/],
      [{ workspace: web, name: 'x'.repeat(1_000_000) }, /name/],
      [{ workspace: web, name: 42 }, /name/],
      [{ workspace: web }, /at least one of name, email or phone/],
      [{ workspace: web, name: 'A', attributes: { 'Bad Name': 1 } }, /snake_case/],
      [{ workspace: web, name: 'A', attributes: { nested: { a: 1 } } }, /attributes/],
      [{ name: 'A' }, /several workspaces: pass `workspace`/],
    ];
    for (const [input, message] of cases) {
      const error = await h.refuse(createContact, input, 'invalid_argument');
      assert.match(error.message, message, JSON.stringify(input).slice(0, 80));
    }
    await h.refuse(createContact, { workspace: web, name: 'A', company_id: 'ct_wrongprefix' }, 'not_found');
    const after = {
      contacts: await count('select count(*) as n from contacts'),
      audit: await count('select count(*) as n from audit_log'),
      outbox: await count('select count(*) as n from outbox'),
    };
    assert.deepEqual(after, before);
  });

  test("a read-only key may not write; another account's workspace and company are not found", async () => {
    await h.refuse(createContact, { name: 'A' }, 'insufficient_scope', h.as.northwindReadOnly);
    const [theirs] = await h.workspaceIds('bluebird');
    await h.refuse(createContact, { workspace: theirs!, name: 'A' }, 'not_found');
    const [web] = await h.workspaceIds('northwind');
    const company = await h.one<{ id: string }>('select id from companies where workspace_id = $1 limit 1', [theirs]);
    await h.refuse(createContact, { workspace: web!, name: 'A', company_id: company.id }, 'not_found');
  });

  if (h.engine.name === 'postgres') {
    test('two instances racing the same key create one contact and give one answer', async () => {
      const [web] = await h.workspaceIds('northwind');
      const input = { workspace: web!, name: 'Race Person', idempotency_key: 'key-race-1' };
      const answers = await h.withSecondInstance((elsewhere) =>
        Promise.all([
          ...Array.from({ length: 4 }, () => h.outcome(createContact, h.as.northwind, input)),
          ...Array.from({ length: 4 }, () => elsewhere(createContact, h.as.northwind, input)),
        ]),
      );
      assert.ok(answers.every((a) => a.ok));
      assert.equal(new Set(answers.map((a) => (a.ok ? a.json : ''))).size, 1, 'one answer');
      assert.equal(await count("select count(*) as n from contacts where name = 'Race Person'"), 1);
    });
  }
});
