// `prepare DIR`: generates the demo data the suite copies for each test (see test/helpers/demo.ts); `remove DIR`
// drops it again. Run by run-tests.mjs around the suite.
import { prepareTemplates, removeTemplates } from '../test/helpers/demo.ts';
import { engines } from '../test/helpers/engines.ts';

const [command, dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: test-templates.ts prepare|remove DIR');
if (command === 'prepare')
  await prepareTemplates(
    dir,
    (await engines()).some((engine) => engine.name === 'postgres'),
  );
else if (command === 'remove') await removeTemplates(dir);
else throw new Error(`unknown command ${command}`);
