import type { Toolset } from '../define.ts';
import { createKnowledgeCategory } from './create-knowledge-category.ts';
import { createKnowledgeNode } from './create-knowledge-node.ts';
import { deleteKnowledgeNode } from './delete-knowledge-node.ts';
import { getKnowledgeNode } from './get-knowledge-node.ts';
import { listKnowledgeCategories } from './list-knowledge-categories.ts';
import { listKnowledgeNodes } from './list-knowledge-nodes.ts';
import { searchKnowledge } from './search-knowledge.ts';
import { updateKnowledgeNode } from './update-knowledge-node.ts';

export const knowledge: Toolset = {
  id: 'knowledge',
  description: 'The knowledge base the agents answer from: nodes by path and category, searched by what they say, and written.',
  default: false,
  instructions:
    'search_knowledge answers "which nodes mention X" in one call, with the sentences; list_knowledge_nodes browses by path ' +
    'or status; get_knowledge_node has the body and history. update_knowledge_node keeps each version before (pass ' +
    'expected_version); create_knowledge_node, delete_knowledge_node and create_knowledge_category write too.',
  operations: [
    searchKnowledge,
    listKnowledgeNodes,
    getKnowledgeNode,
    listKnowledgeCategories,
    createKnowledgeNode,
    updateKnowledgeNode,
    deleteKnowledgeNode,
    createKnowledgeCategory,
  ],
};
