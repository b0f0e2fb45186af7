import { getAccountInfo } from './account/get-account-info.ts';
import { getUsageSummary } from './account/get-usage-summary.ts';
import { listWorkspaces } from './account/list-workspaces.ts';
import { getCompany } from './contacts/get-company.ts';
import { getContact } from './contacts/get-contact.ts';
import { listCompanies } from './contacts/list-companies.ts';
import { searchContacts } from './contacts/search-contacts.ts';
import { getConversation } from './conversations/get-conversation.ts';
import { searchConversations } from './conversations/search-conversations.ts';
import type { AnyOperation } from './define.ts';
import { listEventTypes } from './events/list-event-types.ts';
import { listEvents } from './events/list-events.ts';
import { getVisitorJourney } from './visitors/get-visitor-journey.ts';
import { getVisitorProfile } from './visitors/get-visitor-profile.ts';
import { listVisitorProfiles } from './visitors/list-visitor-profiles.ts';

/** Every operation Parley serves, in the order tools are listed. MCP, REST and OpenAPI are all built from this. */
export const OPERATIONS: readonly AnyOperation[] = [
  getAccountInfo,
  listWorkspaces,
  getUsageSummary,
  searchConversations,
  getConversation,
  searchContacts,
  getContact,
  listCompanies,
  getCompany,
  listVisitorProfiles,
  getVisitorProfile,
  getVisitorJourney,
  listEvents,
  listEventTypes,
] as unknown as readonly AnyOperation[];
