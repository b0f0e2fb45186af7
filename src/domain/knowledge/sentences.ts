/** What a knowledge search looks for: an exact phrase ("48 hours", in double quotes or not) or every one of some words. */
export interface KnowledgeQuery {
  /** Each must appear, case-insensitively; a quoted phrase is one term. */
  terms: string[];
}

const MAX_TERMS = 10;

/** `"old policy" refund` → the phrase and the word; a query without quotes is its words, and also a phrase. */
export function parseKnowledgeQuery(text: string): KnowledgeQuery {
  const terms: string[] = [];
  const rest = text.replace(/"([^"]+)"/g, (_, phrase: string) => {
    terms.push(phrase.trim());
    return ' ';
  });
  terms.push(...rest.split(/\s+/).map((word) => word.replace(/"/g, '')));
  return { terms: [...new Set(terms.map((term) => term.toLowerCase()))].filter((term) => term.length > 0).slice(0, MAX_TERMS) };
}

/**
 * The sentences of a text that say what was asked: those holding the whole query as written, else every term, else
 * any term; at most `limit`, each cut at `maxLength` characters around its first hit.
 */
export function matchingSentences(text: string, query: KnowledgeQuery, whole: string, limit: number, maxLength: number): string[] {
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);
  const lower = (s: string) => s.toLowerCase();
  const phrase = whole.replace(/"/g, '').trim().toLowerCase();
  const tiers = [
    sentences.filter((s) => lower(s).includes(phrase)),
    sentences.filter((s) => query.terms.every((term) => lower(s).includes(term))),
    sentences.filter((s) => query.terms.some((term) => lower(s).includes(term))),
  ];
  const found = tiers.find((tier) => tier.length > 0) ?? [];
  return found.slice(0, limit).map((sentence) => clip(sentence, query, maxLength));
}

function clip(sentence: string, query: KnowledgeQuery, maxLength: number): string {
  if (sentence.length <= maxLength) return sentence;
  const hit = Math.max(
    0,
    ...query.terms
      .map((term) => sentence.toLowerCase().indexOf(term))
      .filter((i) => i >= 0)
      .slice(0, 1),
  );
  const start = Math.max(0, Math.min(hit - Math.floor(maxLength / 3), sentence.length - maxLength));
  return `${start > 0 ? '…' : ''}${sentence.slice(start, start + maxLength)}${start + maxLength < sentence.length ? '…' : ''}`;
}
