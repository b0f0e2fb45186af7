/**
 * A freshly initialised PGlite cluster, made once when Parley is built (`npm run build`, which `npm install` runs), and
 * copied into a new embedded data directory: PGlite's initdb takes 3 to 5 seconds of a first start, a copy of its
 * 40 MB a tenth of one. Its folder names the PGlite version that made it, and another version's is never used;
 * without one (sources not built), a new directory is initialised as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

function templateDir(): string {
  const pglite = path.join(path.dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))), '..', 'package.json');
  const { version } = JSON.parse(fs.readFileSync(pglite, 'utf8')) as { version: string };
  // In dist/, whether Parley runs from there or from its sources (tests, `npm run dev`).
  const dist = import.meta.url.endsWith('.ts') ? '../../dist/' : '../';
  return fileURLToPath(new URL(`${dist}pglite-template-${version}`, import.meta.url));
}

/** Gives a data directory not made yet the template's cluster, when there is one. Copied aside, then renamed: whole or not at all. */
export function seedFromTemplate(pgdata: string): void {
  const template = templateDir();
  if (fs.existsSync(pgdata) || !fs.existsSync(path.join(template, 'PG_VERSION'))) return;
  const partial = `${pgdata}.seeding-${process.pid}`;
  fs.cpSync(template, partial, { recursive: true });
  fs.renameSync(partial, pgdata);
}

/** Makes the template (`node scripts/pglite-template.mjs`, at build time), unless it is there already. */
export async function makeTemplate(): Promise<void> {
  const template = templateDir();
  if (fs.existsSync(path.join(template, 'PG_VERSION'))) return;
  const partial = `${template}.making-${process.pid}`;
  const db = await PGlite.create(partial);
  await db.close();
  fs.rmSync(template, { recursive: true, force: true });
  fs.renameSync(partial, template);
}
