import type { Toolset } from '../define.ts';
import { getConversation } from './get-conversation.ts';
import { listConversationMessages } from './list-conversation-messages.ts';
import { searchConversations } from './search-conversations.ts';
import { sendConversationMessage } from './send-conversation-message.ts';

export const conversations: Toolset = {
  id: 'conversations',
  description: 'Conversations between the AI agents and visitors, with their messages.',
  default: true,
  instructions:
    'search_conversations finds conversations by message text, status or visitor, with snippets; get_conversation returns one ' +
    'transcript, list_conversation_messages pages through a long one. send_conversation_message replies to the customer: it ' +
    'reaches a real person, so draft first when unsure and pass an idempotency_key.',
  operations: [searchConversations, getConversation, listConversationMessages, sendConversationMessage],
};
