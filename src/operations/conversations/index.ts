import type { Toolset } from '../define.ts';
import { getConversation } from './get-conversation.ts';
import { searchConversations } from './search-conversations.ts';

export const conversations: Toolset = {
  id: 'conversations',
  description: 'Conversations between the AI agents and visitors, with their messages.',
  default: true,
  instructions:
    'search_conversations finds conversations by message text, status or visitor, with snippets; get_conversation returns one transcript.',
  operations: [searchConversations, getConversation],
};
