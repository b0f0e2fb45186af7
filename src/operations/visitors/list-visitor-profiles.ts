import * as z from 'zod';
import * as visitors from '../../domain/visitors/queries.ts';
import { VisitorProfile } from '../../domain/visitors/schema.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument } from '../errors.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { LocalDate, TimeZoneParam } from '../params/dates.ts';
import { defaultTimeZone, tenantFor, WorkspaceParam } from '../params/workspace.ts';
import { startOfLocalDay, addDays } from '../../time-zone.ts';

export const listVisitorProfiles = defineOperation({
  name: 'list_visitor_profiles',
  title: 'List visitor profiles',
  description:
    'Website visitors, most recently seen first, with person identity, company enrichment, location and acquisition ' +
    '(referrer, UTM), whether or not they became a contact. `search` matches person, company or contact fields ' +
    '(e.g. a company name or email domain). Filter by first/last seen dates (YYYY-MM-DD in the time zone, inclusive), ' +
    'contact_id, identified_only, or a page visited (visited_path) and when (visited_after/before): "visitors who hit ' +
    '/pricing yesterday". Paginated (per_page up to 100); no date filter applies unless you pass one.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    search: z.string().trim().min(1).max(200).optional(),
    contact_id: z.string().max(64).optional(),
    identified_only: z.boolean().optional().describe('Only visitors with a known person or a contact.'),
    first_seen_after: LocalDate.optional().describe('First seen on or after this date.'),
    first_seen_before: LocalDate.optional().describe('First seen on or before this date.'),
    last_seen_after: LocalDate.optional().describe('Last seen on or after this date.'),
    last_seen_before: LocalDate.optional().describe('Last seen on or before this date.'),
    visited_path: z.string().min(1).max(1000).optional().describe('Had an event on this page path: /pricing.'),
    visited_after: LocalDate.optional().describe('Had an event on or after this date.'),
    visited_before: LocalDate.optional().describe('Had an event on or before this date.'),
    timezone: TimeZoneParam,
    ...PaginationParams,
  }),
  output: z.object({ visitors: z.array(VisitorProfile), pagination: PageInfo, timezone: z.string() }),
  rest: { method: 'GET', path: '/visitor-profiles' },
  examples: [{ summary: 'Visitors who identified themselves', input: { identified_only: true, per_page: 10 } }],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const timezone = input.timezone ?? defaultTimeZone(tenant.workspaces);
    const from = (day: string | undefined) => (day === undefined ? undefined : new Date(startOfLocalDay(day, timezone)));
    const through = (day: string | undefined) => (day === undefined ? undefined : new Date(startOfLocalDay(addDays(day, 1), timezone)));
    for (const [after, before] of [
      [input.first_seen_after, input.first_seen_before],
      [input.last_seen_after, input.last_seen_before],
      [input.visited_after, input.visited_before],
    ] as const) {
      if (after && before && after > before)
        throw invalidArgument(`${after} is after ${before}.`, 'The *_after date must not be later than the *_before date.');
    }
    const { total, items } = await visitors.listVisitors(
      db,
      tenant,
      {
        search: input.search,
        contactId: input.contact_id,
        identifiedOnly: input.identified_only,
        firstSeenAfter: from(input.first_seen_after),
        firstSeenBefore: through(input.first_seen_before),
        lastSeenAfter: from(input.last_seen_after),
        lastSeenBefore: through(input.last_seen_before),
        visited:
          input.visited_path === undefined && input.visited_after === undefined && input.visited_before === undefined
            ? undefined
            : { path: input.visited_path, after: from(input.visited_after), before: through(input.visited_before) },
      },
      pageRequest(input),
    );
    return { visitors: items, pagination: pageInfo(input, total), timezone };
  },
});
