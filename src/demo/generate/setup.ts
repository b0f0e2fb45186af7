import { ALL_COMPANIES, CLINIC_LOCATIONS, COMPANIES } from '../catalog.ts';
import { slugify } from '../../domain/slug.ts';
import { DAY, iso, type Workspace } from './workspace.ts';

export async function setup(w: Workspace): Promise<void> {
  const { rng, id, sink, ws } = w;
  const t = w.window.start - 20 * DAY;
  for (const agent of w.profile.agents) {
    const agentId = id('agent', t);
    w.agentIds.push(agentId);
    await sink.push('agents', {
      id: agentId,
      workspace_id: ws,
      name: agent.name,
      description: agent.description,
      status: 'active',
      ai_settings: { model: 'claude-sonnet-4-5', temperature: 0.3, tone: 'friendly' },
      widget_settings: { color: '#2563eb', position: 'bottom-right', greeting: 'Hi! How can I help?' },
      created_at: iso(t),
      updated_at: iso(t),
    });
    await sink.push('channels', {
      id: id('channel', t),
      workspace_id: ws,
      agent_id: agentId,
      kind: 'web',
      name: `${agent.name} — website widget`,
      config: { domain: 'example.com' },
      status: 'active',
      created_at: iso(t),
    });
    const flowId = id('flow', t);
    const published = id('flowVersion', t + DAY);
    await sink.push('flows', {
      id: flowId,
      workspace_id: ws,
      agent_id: agentId,
      name: `${agent.name} main flow`,
      published_version_id: published,
      created_at: iso(t),
      updated_at: iso(t + DAY),
    });
    for (const [version, versionId] of [
      [1, id('flowVersion', t)],
      [2, published],
    ] as const) {
      await sink.push('flow_versions', {
        id: versionId,
        flow_id: flowId,
        workspace_id: ws,
        version,
        graph: {
          nodes: [
            { id: 'start', type: 'greeting' },
            { id: 'qualify', type: 'ai' },
            ...(version === 2 ? [{ id: 'handoff', type: 'human_handoff' }] : []),
          ],
          edges: [{ from: 'start', to: 'qualify' }, ...(version === 2 ? [{ from: 'qualify', to: 'handoff' }] : [])],
        },
        created_at: iso(t + (version - 1) * DAY),
        published_at: versionId === published ? iso(t + DAY) : null,
      });
    }
  }
  if (w.profile.kind === 'clinic') {
    await sink.push('channels', {
      id: id('channel', t),
      workspace_id: ws,
      agent_id: w.agentIds[0],
      kind: 'voice',
      name: 'Front desk phone line',
      config: { number: '+1 626 555 0100' },
      status: 'active',
      created_at: iso(t),
    });
  }
  await sink.push('templates', {
    id: id('template', t),
    workspace_id: ws,
    name: 'Lead qualification',
    category: 'sales',
    description: 'Asks budget, team size and timeline.',
    definition: { questions: ['team_size', 'timeline', 'budget'] },
    created_at: iso(t),
  });
  // Hundreds of companies in all. Earlier ones visit more often; Acme Corp leads the SaaS list, for "leads from Acme Corp".
  const companies =
    w.profile.kind === 'saas'
      ? COMPANIES.filter((c) => c.name === 'Acme Corp').concat(rng.sample(ALL_COMPANIES, 110))
      : rng.sample(ALL_COMPANIES, 40);
  for (const company of new Set(companies)) {
    const companyId = id('company', t);
    w.companyIds.set(company.name, companyId);
    w.companySeeds.push(company);
    await sink.push('companies', {
      id: companyId,
      workspace_id: ws,
      name: company.name,
      domain: company.domain,
      industry: company.industry,
      employee_count: company.employees,
      country: company.country,
      attributes: { source: 'enrichment' },
      created_at: iso(t),
      updated_at: iso(t),
    });
  }
  for (const [position, article] of w.profile.articles.entries()) {
    let categoryId = w.categoryIds.get(article.category);
    if (!categoryId) {
      categoryId = id('kbCategory', t);
      w.categoryIds.set(article.category, categoryId);
      await sink.push('kb_categories', {
        id: categoryId,
        workspace_id: ws,
        name: article.category,
        slug: slugify(article.category, 'category'),
        description: null,
        position: w.categoryIds.size,
        created_at: iso(t),
      });
    }
    await sink.push('kb_articles', {
      id: id('kbArticle', t),
      workspace_id: ws,
      category_id: categoryId,
      title: article.title,
      path: article.path,
      content: article.content,
      // Drawn from four states as the demo always was; needs_update reads as back in review.
      review_status: { approved: 'published', in_review: 'in_review', needs_update: 'in_review', draft: 'draft' }[
        rng.weighted([
          ['approved', 6],
          ['in_review', 2],
          ['needs_update', 1],
          ['draft', 1],
        ] as const)
      ],
      created_at: iso(t + position * 3600_000),
      updated_at: iso(t + position * 3600_000),
    });
  }
}

/** The custom attributes the demo contacts carry, defined. */
export async function defineAttributes(w: Workspace): Promise<void> {
  const t = w.window.start - 20 * DAY;
  const definitions =
    w.profile.kind === 'saas'
      ? [
          { name: 'lifecycle_stage', label: 'Lifecycle stage', type: 'select', options: ['lead', 'trial', 'customer', 'churned'] },
          { name: 'team_size', label: 'Team size', type: 'number', options: null },
        ]
      : [{ name: 'preferred_location', label: 'Preferred location', type: 'select', options: [...CLINIC_LOCATIONS] }];
  for (const definition of definitions) {
    await w.sink.push('custom_attributes', {
      id: w.id('customAttribute', t),
      workspace_id: w.ws,
      description: null,
      created_at: iso(t),
      ...definition,
    });
  }
}
