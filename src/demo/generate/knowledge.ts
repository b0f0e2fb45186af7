import { seededIds } from '../../ids.ts';
import { slugify } from '../../domain/slug.ts';
import { Random } from '../random.ts';
import { DAY, iso, type Workspace } from './workspace.ts';

interface Node {
  category: string;
  title: string;
  path: string;
  description: string;
  keywords: string[];
  status: 'draft' | 'in_review' | 'published';
  content: string;
}

/**
 * Knowledge nodes written since the first help articles: policies and how-tos, some still stating the old 48-hour
 * cancellation window that the 24-hour one replaced (what a team searches for before updating them). Drawn after
 * everything else, from a generator of their own, so the other rows stay as they were.
 */
const NODES: Record<'saas' | 'clinic', Node[]> = {
  saas: [
    node(
      'Workshops',
      'Onboarding workshops',
      '/workshops/onboarding',
      'published',
      ['workshop', 'training'],
      'Hands-on onboarding workshops run every month in Berlin and New York. A seat includes lunch and the slides. Seats can be cancelled free of charge up to 24 hours before the workshop starts.',
    ),
    node(
      'Workshops',
      'Workshop FAQ',
      '/workshops/faq',
      'published',
      ['workshop', 'faq', 'cancel'],
      'Bring a laptop with a Northwind account. Need to cancel? You can cancel up to 48 hours before the workshop and we refund the seat. Later cancellations are charged in full.',
    ),
    node(
      'Workshops',
      'Reschedule a workshop seat',
      '/workshops/reschedule',
      'published',
      ['workshop', 'reschedule'],
      'Moving your seat to another date is free until 48 hours before the start. After that, a change counts as a cancellation.',
    ),
    node(
      'Workshops',
      'Analytics masterclass terms',
      '/workshops/masterclass-terms',
      'published',
      ['masterclass', 'terms'],
      'The masterclass is a three-hour session for up to twelve people. Cancellation is free up to 24 hours before the session; no-shows are not refunded.',
    ),
    node(
      'Workshops',
      'Event refunds',
      '/workshops/refunds',
      'in_review',
      ['refund', 'workshop'],
      'Since March 2026, event refunds follow the 24-hour rule. The old 48 hours window no longer applies to bookings made after that date.',
    ),
    node(
      'Workshops',
      'Cancellation policy (2025)',
      '/workshops/cancellation-2025',
      'draft',
      ['cancellation', 'archive'],
      'Bookings made in 2025: cancel at least 48 hours ahead for a full refund. This page is kept for reference.',
    ),
    node(
      'Billing',
      'Free trial',
      '/billing/trial',
      'published',
      ['trial'],
      'The free trial lasts 14 days with every Scale feature. No card is needed. At the end you choose a plan or your workspace pauses.',
    ),
    node(
      'Billing',
      'Invoices and receipts',
      '/billing/invoices',
      'published',
      ['invoice', 'receipt', 'VAT'],
      'Invoices are e-mailed to the billing contact on each charge. Add a VAT number under Settings → Billing to show it on invoices.',
    ),
    node(
      'Security',
      'Single sign-on',
      '/security/sso',
      'published',
      ['SSO', 'SAML', 'Okta'],
      'Scale plans connect Okta, Azure AD or Google Workspace through SAML 2.0. Members then sign in with their company account.',
    ),
    node(
      'Security',
      'Data retention',
      '/security/retention',
      'published',
      ['retention', 'GDPR', 'delete'],
      'Raw events are kept for 25 months. Deleting a visitor erases their events within 30 days, as GDPR requires.',
    ),
    node(
      'Integrations',
      'API rate limits',
      '/developers/rate-limits',
      'published',
      ['API', 'rate limit', '429'],
      'The REST API allows 60 requests per minute per key. A 429 answer carries Retry-After: wait that many seconds.',
    ),
    node(
      'Integrations',
      'Custom tracking domain',
      '/developers/custom-domain',
      'in_review',
      ['domain', 'ad blocker'],
      'Serve the snippet from your own subdomain with a CNAME to t.northwind.example, so ad blockers do not drop events.',
    ),
  ],
  clinic: [
    node(
      'Visits',
      'Deposit refunds',
      '/help/deposit-refunds',
      'published',
      ['deposit', 'refund', 'cancel'],
      'Your $50 deposit is refunded when you cancel at least 48 hours before your visit. It is applied to your bill when you come in.',
    ),
    node(
      'Visits',
      'Rescheduling a visit',
      '/help/reschedule',
      'published',
      ['reschedule', 'appointment'],
      'Reschedule online or by phone. Changes made at least 24 hours ahead keep your deposit.',
    ),
    node(
      'Insurance',
      'Pre-authorisation',
      '/help/pre-authorisation',
      'in_review',
      ['insurance', 'crown', 'implant'],
      'Crowns and implants need your insurer to approve them first. We send the request; approval takes 5 to 10 business days.',
    ),
  ],
};

function node(category: string, title: string, path: string, status: Node['status'], keywords: string[], content: string): Node {
  return { category, title, path, status, keywords, content, description: content.split('. ')[0]!.replace(/\.$/, '') };
}

export async function knowledgeBase(w: Workspace): Promise<void> {
  const detail = new Random([...w.ws].reduce((hash, ch) => Math.imul(hash, 37) + ch.charCodeAt(0), 11));
  const id = seededIds(detail.next);
  const written = w.window.start - 10 * DAY;
  for (const [position, entry] of NODES[w.profile.kind].entries()) {
    let categoryId = w.categoryIds.get(entry.category);
    if (!categoryId) {
      categoryId = id('kbCategory', written);
      w.categoryIds.set(entry.category, categoryId);
      await w.sink.push('kb_categories', {
        id: categoryId,
        workspace_id: w.ws,
        name: entry.category,
        slug: slugify(entry.category, 'category'),
        description: null,
        position: w.categoryIds.size,
        created_at: iso(written),
      });
    }
    const at = written + position * DAY + detail.int(0, 20) * DAY;
    await w.sink.push('kb_articles', {
      id: id('kbArticle', at),
      workspace_id: w.ws,
      category_id: categoryId,
      title: entry.title,
      path: entry.path,
      content: entry.content,
      description: entry.description,
      keywords: entry.keywords,
      author: detail.pick(['Dana Reyes', 'Sam Okafor', 'Maria Lopez']),
      review_status: entry.status,
      created_at: iso(at),
      updated_at: iso(at + detail.int(0, 30) * DAY),
    });
  }
}
