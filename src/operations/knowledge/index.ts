import type { Toolset } from '../define.ts';
import { getKnowledgeNode } from './get-knowledge-node.ts';
import { listKnowledgeCategories } from './list-knowledge-categories.ts';
import { listKnowledgeNodes } from './list-knowledge-nodes.ts';
import { searchKnowledge } from './search-knowledge.ts';

export const knowledge: Toolset = {
  id: 'knowledge',
  description: 'The knowledge base the agents answer from: nodes (articles) by path and category, searched by what they say.',
  default: false,
  instructions:
    'search_knowledge answers "which nodes mention X" in one call, with the sentences; list_knowledge_nodes browses by path or ' +
    'status; get_knowledge_node has a whole body.',
  operations: [searchKnowledge, listKnowledgeNodes, getKnowledgeNode, listKnowledgeCategories],
};
