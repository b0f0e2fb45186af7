import type { Toolset } from '../define.ts';
import { batchGet } from './batch-get.ts';

export const batch: Toolset = {
  id: 'batch',
  description: 'Many objects in one call instead of paging or one call per id.',
  default: true,
  instructions:
    'batch_get reads up to 100 contacts, companies, conversations or visitors by id at once, and lists the ids it could not find.',
  operations: [batchGet],
};
