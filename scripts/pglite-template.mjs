// The embedded database's template cluster, made once per build (see src/db/embedded-template.ts).
import { makeTemplate } from '../dist/db/embedded-template.js';

await makeTemplate();
