import * as z from 'zod';

export const MAX_PER_PAGE = 100;

export const PaginationParams = {
  page: z.number().int().min(1).max(10_000).default(1).describe('Page number, from 1.'),
  per_page: z.number().int().min(1).max(MAX_PER_PAGE).default(20).describe(`Results per page, 1 to ${MAX_PER_PAGE}. Default 20.`),
};

export const PageInfo = z.object({
  page: z.number().int(),
  per_page: z.number().int(),
  total: z.number().int().describe('Matching results across all pages.'),
  total_pages: z.number().int(),
  has_more: z.boolean(),
});
export type PageInfo = z.infer<typeof PageInfo>;

export interface PageRequest {
  limit: number;
  offset: number;
}

export function pageRequest(input: { page: number; per_page: number }): PageRequest {
  return { limit: input.per_page, offset: (input.page - 1) * input.per_page };
}

export function pageInfo(input: { page: number; per_page: number }, total: number): PageInfo {
  const totalPages = Math.max(1, Math.ceil(total / input.per_page));
  return { page: input.page, per_page: input.per_page, total, total_pages: totalPages, has_more: input.page < totalPages };
}
