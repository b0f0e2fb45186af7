import type { Toolset } from '../define.ts';
import { aggregateData } from './aggregate-data.ts';
import { batchGet } from './batch-get.ts';

export const batch: Toolset = {
  id: 'batch',
  description: 'Many objects, or counts over many, in one call instead of paging or one call per id.',
  default: true,
  instructions:
    'batch_get reads up to 100 contacts, companies, conversations or visitors by id at once, and lists the ids it could not find. ' +
    'aggregate_data counts contacts, conversations or events by a dimension and a time bucket: never page through a list to count it.',
  operations: [batchGet, aggregateData],
};
