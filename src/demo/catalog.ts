/** The raw material of the demo data: people, companies, pages, and conversation scripts by topic. */

export const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'Mateo',
  'Isabella',
  'Lucas',
  'Mia',
  'Levi',
  'Amelia',
  'Ethan',
  'Harper',
  'James',
  'Evelyn',
  'Aiden',
  'Priya',
  'Arjun',
  'Chen',
  'Mei',
  'Hiroshi',
  'Yuki',
  'Fatima',
  'Omar',
  'Lena',
  'Jonas',
  'Clara',
  'Felix',
  'Sofia',
  'Marco',
  'Chloé',
  'Louis',
  'Aisha',
  'Kwame',
  'Ingrid',
  'Lars',
  'Zoe',
  'Daniel',
  'Grace',
  'Samuel',
  'Nora',
  'David',
  'Hannah',
  'Carlos',
  'Lucía',
  'Diego',
] as const;

export const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Garcia',
  'Miller',
  'Davis',
  'Martinez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Patel',
  'Shah',
  'Nguyen',
  'Kim',
  'Tanaka',
  'Sato',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Rossi',
  'Bianchi',
  'Dubois',
  'Laurent',
  'Okafor',
  'Mensah',
  'Johansson',
  'Larsen',
  'Cohen',
  'Levi',
  'Haddad',
  'Silva',
  'Santos',
  'Kowalski',
  'Novak',
  "O'Brien",
] as const;

export const TITLES = [
  'Head of Growth',
  'VP Marketing',
  'Product Manager',
  'CTO',
  'Founder',
  'Marketing Manager',
  'Data Analyst',
  'Head of Customer Success',
  'Engineering Manager',
  'Operations Lead',
  'CEO',
  'Sales Director',
] as const;

export interface CompanySeed {
  name: string;
  domain: string;
  industry: string;
  employees: number;
  country: string;
}

export const COMPANIES: readonly CompanySeed[] = [
  { name: 'Acme Corp', domain: 'acme.com', industry: 'Manufacturing', employees: 1200, country: 'US' },
  { name: 'Globex', domain: 'globex.io', industry: 'Software', employees: 340, country: 'US' },
  { name: 'Initech', domain: 'initech.com', industry: 'Financial Services', employees: 800, country: 'US' },
  { name: 'Umbrella Health', domain: 'umbrellahealth.com', industry: 'Healthcare', employees: 5200, country: 'GB' },
  { name: 'Stark Logistics', domain: 'starklogistics.com', industry: 'Logistics', employees: 2100, country: 'US' },
  { name: 'Wayne Retail', domain: 'wayneretail.com', industry: 'Retail', employees: 950, country: 'US' },
  { name: 'Hooli', domain: 'hooli.xyz', industry: 'Software', employees: 15000, country: 'US' },
  { name: 'Pied Piper', domain: 'piedpiper.com', industry: 'Software', employees: 45, country: 'US' },
  { name: 'Vandelay Industries', domain: 'vandelay.com', industry: 'Import/Export', employees: 120, country: 'US' },
  { name: 'Soylent Foods', domain: 'soylentfoods.com', industry: 'Food & Beverage', employees: 600, country: 'CA' },
  { name: 'Cyberdyne Systems', domain: 'cyberdyne.ai', industry: 'Robotics', employees: 410, country: 'US' },
  { name: 'Tyrell Biotech', domain: 'tyrell.bio', industry: 'Biotech', employees: 780, country: 'US' },
  { name: 'Oscorp', domain: 'oscorp.com', industry: 'Chemicals', employees: 3300, country: 'US' },
  { name: 'Massive Dynamic', domain: 'massivedynamic.com', industry: 'Research', employees: 9000, country: 'US' },
  { name: 'Nakatomi Trading', domain: 'nakatomi.co.jp', industry: 'Trading', employees: 1500, country: 'JP' },
  { name: 'Blauwal GmbH', domain: 'blauwal.de', industry: 'Software', employees: 85, country: 'DE' },
  { name: 'Fjord Analytics', domain: 'fjordanalytics.no', industry: 'Software', employees: 60, country: 'NO' },
  { name: 'Maison Lumière', domain: 'maisonlumiere.fr', industry: 'Retail', employees: 230, country: 'FR' },
  { name: 'Verdi Mobility', domain: 'verdimobility.it', industry: 'Transportation', employees: 410, country: 'IT' },
  { name: 'Zephyr Travel', domain: 'zephyrtravel.es', industry: 'Travel', employees: 150, country: 'ES' },
  { name: 'Kestrel Security', domain: 'kestrelsec.com', industry: 'Cybersecurity', employees: 270, country: 'GB' },
  { name: 'Lumen Schools', domain: 'lumenschools.org', industry: 'Education', employees: 900, country: 'US' },
  { name: 'Harbor Bank', domain: 'harborbank.com', industry: 'Banking', employees: 4100, country: 'US' },
  { name: 'Quartz Media', domain: 'quartzmedia.co', industry: 'Media', employees: 190, country: 'US' },
  { name: 'Orbit Fitness', domain: 'orbitfit.com', industry: 'Fitness', employees: 75, country: 'AU' },
  { name: 'Cobalt Energy', domain: 'cobaltenergy.com', industry: 'Energy', employees: 2600, country: 'US' },
];

const NAME_STEMS = [
  'Bright',
  'Nimbus',
  'Copper',
  'Lattice',
  'Harbor',
  'Summit',
  'Kite',
  'Meridian',
  'Aurora',
  'Granite',
  'Tidal',
  'Juniper',
  'Atlas',
  'Beacon',
  'Cinder',
  'Delta',
  'Evergreen',
  'Falcon',
  'Helix',
  'Ion',
  'Jasper',
  'Keystone',
  'Lumen',
  'Mosaic',
  'Nova',
  'Orchid',
  'Prism',
  'Quill',
  'Riverstone',
  'Sable',
] as const;
const NAME_KINDS = [
  ['Labs', 'Software'],
  ['Health', 'Healthcare'],
  ['Logistics', 'Logistics'],
  ['Retail', 'Retail'],
  ['Capital', 'Financial Services'],
  ['Foods', 'Food & Beverage'],
  ['Energy', 'Energy'],
  ['Media', 'Media'],
  ['Robotics', 'Robotics'],
  ['Learning', 'Education'],
] as const;
const COUNTRIES = ['US', 'US', 'US', 'GB', 'DE', 'FR', 'NL', 'CA', 'AU', 'ES', 'IT', 'NO', 'JP'] as const;

/** The named companies above plus a few hundred more, made by combining a stem with a kind of business. */
export const ALL_COMPANIES: readonly CompanySeed[] = [
  ...COMPANIES,
  ...NAME_STEMS.flatMap((stem, i) =>
    NAME_KINDS.map(([kind, industry], j) => {
      const country = COUNTRIES[(i + j) % COUNTRIES.length]!;
      const tld = country === 'US' ? 'com' : country.toLowerCase();
      return {
        name: `${stem} ${kind}`,
        domain: `${stem}${kind}.${tld}`.toLowerCase(),
        industry,
        employees: 10 + ((i * 37 + j * 113) % 4990),
        country,
      };
    }),
  ),
];

export const CITIES = [
  ['New York', 'US'],
  ['San Francisco', 'US'],
  ['Austin', 'US'],
  ['Chicago', 'US'],
  ['Seattle', 'US'],
  ['London', 'GB'],
  ['Berlin', 'DE'],
  ['Munich', 'DE'],
  ['Paris', 'FR'],
  ['Amsterdam', 'NL'],
  ['Madrid', 'ES'],
  ['Toronto', 'CA'],
  ['Sydney', 'AU'],
  ['Tokyo', 'JP'],
  ['Oslo', 'NO'],
  ['Milan', 'IT'],
  ['Los Angeles', 'US'],
] as const;

export const DEVICES = [
  ['desktop', 6],
  ['mobile', 3],
  ['tablet', 1],
] as const;
export const BROWSERS = [
  ['Chrome', 6],
  ['Safari', 3],
  ['Firefox', 1],
  ['Edge', 1],
] as const;

/** Where visitors come from: [source, medium, referrer, weight]. */
export const TRAFFIC_SOURCES = [
  ['google', 'organic', 'https://www.google.com/', 30],
  ['google', 'cpc', 'https://www.google.com/', 12],
  ['(direct)', '(none)', null, 18],
  ['linkedin', 'social', 'https://www.linkedin.com/', 8],
  ['linkedin', 'paid', 'https://www.linkedin.com/', 5],
  ['facebook', 'social', 'https://www.facebook.com/', 4],
  ['facebook', 'paid', 'https://www.facebook.com/', 4],
  ['newsletter', 'email', null, 6],
  ['g2', 'referral', 'https://www.g2.com/', 4],
  ['bing', 'organic', 'https://www.bing.com/', 3],
  ['partner-blog', 'referral', 'https://blog.example-partner.com/', 3],
  ['chatgpt.com', 'referral', 'https://chatgpt.com/', 3],
] as const;

export const CAMPAIGNS = ['spring-launch', 'retargeting-q3', 'brand-search', 'webinar-series', 'black-friday'] as const;

export interface PageSeed {
  path: string;
  title: string;
  weight: number;
}

export type TopicName =
  | 'pricing'
  | 'demo_request'
  | 'refund'
  | 'double_charge'
  | 'integration'
  | 'onboarding'
  | 'security'
  | 'cancellation'
  | 'appointment_booking'
  | 'insurance'
  | 'emergency'
  | 'hours_location'
  | 'greeting_only';

/** A scripted conversation; `{placeholders}` are filled per conversation. */
export interface TopicScript {
  subject: string;
  /** Journey milestones the conversation produces, in order. */
  journey: ReadonlyArray<'buyer_intent' | 'contact_created' | 'meeting_booked' | 'escalation'>;
  status: 'open' | 'closed' | 'escalated';
  turns: ReadonlyArray<readonly ['visitor' | 'agent' | 'human' | 'system', readonly string[]]>;
}

export interface BusinessProfile {
  kind: 'saas' | 'clinic';
  pages: readonly PageSeed[];
  topics: ReadonlyArray<readonly [TopicName, number]>;
  scripts: Partial<Record<TopicName, TopicScript>>;
  plans: readonly string[];
  agents: ReadonlyArray<{ name: string; description: string; skills: string[] }>;
  articles: ReadonlyArray<{ category: string; title: string; path: string; content: string }>;
}

const GREETING: TopicScript = {
  subject: 'Website chat',
  journey: [],
  status: 'closed',
  turns: [['agent', ['Hi there! 👋 Anything I can help you find today?', 'Welcome! Ask me anything about {product}.']]],
};

export const SAAS_PROFILE: BusinessProfile = {
  kind: 'saas',
  plans: ['Starter', 'Growth', 'Scale'],
  pages: [
    { path: '/', title: 'Northwind Analytics — Product analytics for teams', weight: 30 },
    { path: '/pricing', title: 'Pricing — Northwind Analytics', weight: 18 },
    { path: '/features', title: 'Features — Northwind Analytics', weight: 12 },
    { path: '/docs', title: 'Documentation', weight: 10 },
    { path: '/docs/getting-started', title: 'Getting started', weight: 6 },
    { path: '/docs/integrations/segment', title: 'Segment integration', weight: 4 },
    { path: '/blog/funnel-analysis-guide', title: 'A practical guide to funnel analysis', weight: 6 },
    { path: '/customers', title: 'Customer stories', weight: 4 },
    { path: '/security', title: 'Security & compliance', weight: 3 },
    { path: '/demo', title: 'Book a demo', weight: 5 },
    { path: '/signup', title: 'Start your free trial', weight: 4 },
  ],
  topics: [
    ['greeting_only', 14],
    ['pricing', 22],
    ['demo_request', 16],
    ['refund', 6],
    ['double_charge', 5],
    ['integration', 12],
    ['onboarding', 9],
    ['security', 6],
    ['cancellation', 4],
  ],
  agents: [
    {
      name: 'Nova (Sales)',
      description: 'Qualifies leads, answers pricing questions and books demos.',
      skills: ['pricing', 'demo_booking', 'lead_capture'],
    },
    {
      name: 'Atlas (Support)',
      description: 'Answers product and billing questions; escalates to humans.',
      skills: ['knowledge_base', 'billing', 'escalation'],
    },
  ],
  scripts: {
    greeting_only: GREETING,
    pricing: {
      subject: 'Pricing question',
      journey: ['buyer_intent', 'contact_created'],
      status: 'closed',
      turns: [
        ['agent', ['Hi! I can help with plans, features or a demo. What brings you here?']],
        [
          'visitor',
          [
            'How much does the {plan} plan cost for a team of {seats}?',
            'What is the difference between Growth and Scale pricing?',
            'Do you offer annual discounts? We are about {seats} people.',
          ],
        ],
        [
          'agent',
          [
            '{plan} is ${price}/month billed annually for up to {seats} seats, and includes unlimited dashboards and 12 months of ' +
              'history. Annual billing saves 20%.',
          ],
        ],
        ['visitor', ['Is there a free trial?', 'Can we start monthly and switch to annual later?', 'Does that include SSO?']],
        [
          'agent',
          [
            'Yes — 14 days, no credit card. You can switch billing at any time; SSO is included from Growth upward. Want me to send a ' +
              'quote? What is your work email?',
          ],
        ],
        ['visitor', ['Sure, it is {email}', 'Please send it to {email}']],
        ['agent', ['Thanks {first_name}! The quote is on its way to {email}. Anything else I can help with?']],
      ],
    },
    demo_request: {
      subject: 'Demo request',
      journey: ['buyer_intent', 'contact_created', 'meeting_booked'],
      status: 'closed',
      turns: [
        [
          'visitor',
          [
            'Can I book a demo for my team?',
            'We are evaluating analytics tools, can someone walk us through Northwind?',
            'I would like to see a demo of the funnel reports.',
          ],
        ],
        ['agent', ['Happy to set that up! Could you share your name, work email and company?']],
        ['visitor', ['{name}, {email}, {company}', "I'm {name} from {company} — {email}"]],
        ['agent', ['Thanks {first_name}. I have {slot} available with our solutions team — shall I book it?']],
        ['visitor', ['Yes please, that works.', 'Perfect, book it.']],
        ['agent', ['Booked! You will get a calendar invite at {email} for {slot}. Is there anything specific you want us to cover?']],
        [
          'visitor',
          ['Mostly funnels and retention for our {industry} use case.', 'How you compare to what we use today, and data import.'],
        ],
        ['agent', ['Noted — I have added that to the meeting notes. Talk soon!']],
      ],
    },
    refund: {
      subject: 'Refund request',
      journey: ['contact_created', 'escalation'],
      status: 'escalated',
      turns: [
        [
          'visitor',
          [
            'I want a refund for my last invoice, we stopped using the product weeks ago.',
            'Hi, we were charged for the annual renewal but meant to cancel. Can I get a refund?',
          ],
        ],
        ['agent', ['I am sorry to hear that. Could you share the email on the account so I can look up the invoice?']],
        ['visitor', ['{email}']],
        [
          'agent',
          [
            'Thanks. I can see an invoice of ${amount} on {date}. Refunds need a teammate from billing — I am handing this over now so ' +
              'a person can confirm.',
          ],
        ],
        ['system', ['Conversation escalated to the billing team.']],
        [
          'human',
          ['Hi {first_name}, this is Dana from billing. I have started the refund of ${amount}; it takes 5–10 business days to appear.'],
        ],
        ['visitor', ['Thank you, appreciated.', 'Great, thanks for the quick help.']],
      ],
    },
    double_charge: {
      subject: 'Charged twice',
      journey: ['contact_created', 'escalation'],
      status: 'escalated',
      turns: [
        [
          'visitor',
          [
            'I was charged twice this month — two payments of ${amount} on my card!',
            'Why do I see a double charge on my credit card statement?',
          ],
        ],
        ['agent', ['That should not happen — sorry about that. What is the billing email on the account?']],
        ['visitor', ['{email}']],
        [
          'agent',
          [
            'I can see two charges of ${amount} on {date}. One looks like a duplicate payment attempt. I am escalating to billing so ' +
              'the duplicate is refunded.',
          ],
        ],
        ['system', ['Conversation escalated to the billing team.']],
        ['visitor', ['Please hurry, this overdrew my account.', 'OK, how long will that take?']],
        [
          'human',
          [
            'Hi {first_name}, Sam from billing here. The duplicate charge of ${amount} is refunded; you will see it within a few days. ' +
              'Sorry for the trouble!',
          ],
        ],
      ],
    },
    integration: {
      subject: 'Integration question',
      journey: ['buyer_intent'],
      status: 'closed',
      turns: [
        ['visitor', ['Do you integrate with Segment?', 'Can we send events from our backend with an API?', 'Is there a Snowflake export?']],
        [
          'agent',
          [
            'Yes. Northwind reads events from Segment, RudderStack, our JavaScript snippet or the HTTP tracking API, and exports to ' +
              'Snowflake and BigQuery daily on Growth and above. Setup guide: /docs/integrations/segment',
          ],
        ],
        ['visitor', ['Nice. Is there a limit on events per month?', 'Does the export include raw events?']],
        ['agent', ['Starter includes 1M events/month, Growth 10M, Scale is unmetered. Exports include raw events and user properties.']],
      ],
    },
    onboarding: {
      subject: 'Setup help',
      journey: [],
      status: 'closed',
      turns: [
        ['visitor', ['My events are not showing up in the dashboard.', 'I installed the snippet but the live view is empty.']],
        [
          'agent',
          [
            'Events usually appear within a minute. Check that the snippet uses your publishable key (it starts with pk_) and that an ' +
              'ad blocker is not blocking the request. The network tab should show a 202 from /api/v1/track.',
          ],
        ],
        ['visitor', ['Ah, it was the ad blocker. Working now!', 'I was using the secret key, switching now.']],
        ['agent', ['Great! Let me know if anything else comes up.']],
      ],
    },
    security: {
      subject: 'Security review',
      journey: ['buyer_intent'],
      status: 'closed',
      turns: [
        ['visitor', ['Are you SOC 2 compliant?', 'Where is data hosted? We need EU residency.', 'Do you sign DPAs for GDPR?']],
        [
          'agent',
          [
            'Northwind is SOC 2 Type II audited, offers EU hosting in Frankfurt, and signs a DPA with every customer. Our security ' +
              'page has the report request form.',
          ],
        ],
        ['visitor', ['Can you send me the SOC 2 report?']],
        ['agent', ['Of course — the report is shared under NDA. Leave your work email and our security team will follow up.']],
      ],
    },
    cancellation: {
      subject: 'Cancel subscription',
      journey: ['escalation'],
      status: 'escalated',
      turns: [
        ['visitor', ['How do I cancel my subscription?', 'We want to cancel at the end of this billing period.']],
        ['agent', ['You can cancel from Settings → Billing. Before you go, may I ask what did not work for you?']],
        ['visitor', ['Too expensive for our current stage.', 'We are consolidating tools.']],
        ['agent', ['Understood. I have passed this to our customer success team, who can offer a smaller plan if that helps.']],
      ],
    },
  },
  articles: [
    {
      category: 'Getting started',
      title: 'Install the tracking snippet',
      path: '/help/install-snippet',
      content:
        'Add the snippet to every page before the closing head tag. Use your publishable key (pk_). Events appear in the live view ' +
        'within a minute. Ad blockers may block the request; use a custom domain to avoid that.',
    },
    {
      category: 'Getting started',
      title: 'Invite your team',
      path: '/help/invite-team',
      content: 'Go to Settings → Members and invite teammates by email. Owners can change roles. Seats are billed monthly.',
    },
    {
      category: 'Billing',
      title: 'Refund policy',
      path: '/help/refund-policy',
      content:
        'We refund annual renewals requested within 30 days of the charge. Monthly plans are not refunded but can be cancelled at any ' +
        'time. Duplicate charges are always refunded in full.',
    },
    {
      category: 'Billing',
      title: 'Change your plan',
      path: '/help/change-plan',
      content: 'Upgrade or downgrade from Settings → Billing. Upgrades are prorated immediately; downgrades apply at the next renewal.',
    },
    {
      category: 'Billing',
      title: 'Why was I charged twice?',
      path: '/help/double-charge',
      content:
        'A double charge usually means a payment was retried after a card decline. The duplicate is refunded automatically within 5 ' +
        'business days; contact billing if it is not.',
    },
    {
      category: 'Integrations',
      title: 'Segment integration',
      path: '/help/segment',
      content: 'Connect Segment as a destination with your secret key. Track, identify and page calls are mapped to Northwind events.',
    },
    {
      category: 'Integrations',
      title: 'Export to Snowflake',
      path: '/help/snowflake-export',
      content: 'Growth and Scale plans export raw events and user properties to Snowflake daily at 02:00 UTC.',
    },
    {
      category: 'Security',
      title: 'SOC 2 and GDPR',
      path: '/help/compliance',
      content: 'Northwind is SOC 2 Type II audited. EU customers can choose Frankfurt hosting. We sign a DPA with every customer.',
    },
    {
      category: 'Reports',
      title: 'Build a funnel',
      path: '/help/funnels',
      content:
        'Choose two or more events in order. The funnel counts visitors who completed each step within the conversion window (default ' +
        '7 days).',
    },
    {
      category: 'Reports',
      title: 'Retention charts',
      path: '/help/retention',
      content: 'Retention shows the share of visitors who return in each week after their first visit.',
    },
  ],
};

export const CLINIC_PROFILE: BusinessProfile = {
  kind: 'clinic',
  plans: ['Cleaning', 'Whitening', 'Invisalign consult'],
  pages: [
    { path: '/', title: 'Bluebird Dental — Gentle dentistry in California', weight: 30 },
    { path: '/services', title: 'Our services', weight: 14 },
    { path: '/services/whitening', title: 'Teeth whitening', weight: 8 },
    { path: '/services/invisalign', title: 'Invisalign', weight: 8 },
    { path: '/insurance', title: 'Insurance & payment', weight: 10 },
    { path: '/locations', title: 'Locations & hours', weight: 12 },
    { path: '/book', title: 'Book an appointment', weight: 10 },
    { path: '/emergency', title: 'Dental emergencies', weight: 4 },
    { path: '/blog/how-often-cleaning', title: 'How often should you get a cleaning?', weight: 4 },
  ],
  topics: [
    ['greeting_only', 12],
    ['appointment_booking', 30],
    ['insurance', 18],
    ['hours_location', 14],
    ['emergency', 6],
    ['pricing', 10],
    ['refund', 3],
    ['double_charge', 3],
  ],
  agents: [
    {
      name: 'Robin (Front desk)',
      description: 'Books appointments, answers insurance and hours questions.',
      skills: ['appointment_booking', 'insurance', 'faq'],
    },
  ],
  scripts: {
    greeting_only: GREETING,
    appointment_booking: {
      subject: 'Appointment booking',
      journey: ['contact_created', 'meeting_booked'],
      status: 'closed',
      turns: [
        [
          'visitor',
          [
            'I need to book a cleaning.',
            'Can I get an appointment this week? My tooth has been sensitive.',
            'Do you have anything for a {plan} next week?',
          ],
        ],
        ['agent', ['I can help with that! May I have your full name and phone number?']],
        ['visitor', ['{name}, {phone}']],
        ['agent', ['Thanks {first_name}. Our {location} office has {slot} open. Shall I reserve it?']],
        ['visitor', ['Yes, book it.', 'That works for me.']],
        ['agent', ['You are booked for {slot} at {location}. We will text a reminder to {phone} the day before.']],
      ],
    },
    insurance: {
      subject: 'Insurance question',
      journey: ['buyer_intent'],
      status: 'closed',
      turns: [
        ['visitor', ['Do you take Delta Dental?', 'Is my Cigna PPO accepted?', 'What if I do not have insurance?']],
        [
          'agent',
          [
            'We are in network with Delta Dental, Cigna, Aetna and MetLife PPO plans. Without insurance, our membership plan covers ' +
              'two cleanings a year for $299.',
          ],
        ],
        ['visitor', ['How much is a cleaning without insurance?']],
        ['agent', ['A standard cleaning and exam is ${price} without insurance.']],
      ],
    },
    hours_location: {
      subject: 'Hours and location',
      journey: [],
      status: 'closed',
      turns: [
        [
          'visitor',
          ['What are your hours on Saturday?', 'Where is your closest office to downtown?', 'Is there parking at the {location} office?'],
        ],
        ['agent', ['Our {location} office is open Monday–Friday 8am–6pm and Saturday 9am–2pm, with free parking behind the building.']],
      ],
    },
    emergency: {
      subject: 'Dental emergency',
      journey: ['contact_created', 'escalation'],
      status: 'escalated',
      turns: [
        ['visitor', ['I chipped my tooth and it really hurts, can someone see me today?', 'My crown fell out, is this an emergency?']],
        [
          'agent',
          ['I am sorry! We keep same-day slots for emergencies. Please share your name and phone number and I will alert the front desk.'],
        ],
        ['visitor', ['{name}, {phone}']],
        ['system', ['Conversation escalated to the front desk.']],
        ['human', ['Hi {first_name}, this is Maria at {location}. We can see you at 3:30pm today — please come in 10 minutes early.']],
      ],
    },
    pricing: {
      subject: 'Treatment pricing',
      journey: ['buyer_intent'],
      status: 'closed',
      turns: [
        ['visitor', ['How much does {plan} cost?', 'What is the price of whitening?']],
        ['agent', ['{plan} starts at ${price}. We offer 0% financing over 12 months for treatments above $1,000.']],
        ['visitor', ['Can I pay in installments?']],
        ['agent', ['Yes — financing is available through CareCredit or our in-house plan.']],
      ],
    },
    refund: {
      subject: 'Refund for cancelled visit',
      journey: ['contact_created', 'escalation'],
      status: 'escalated',
      turns: [
        ['visitor', ['I cancelled my appointment 3 days ahead but was still charged the ${amount} deposit. I want a refund.']],
        ['agent', ['Sorry about that — deposits are refundable with 24 hours notice. What is the email on your account?']],
        ['visitor', ['{email}']],
        ['system', ['Conversation escalated to billing.']],
        ['human', ['Hi {first_name}, the ${amount} deposit is refunded to your card. Sorry for the mix-up!']],
      ],
    },
    double_charge: {
      subject: 'Charged twice',
      journey: ['contact_created', 'escalation'],
      status: 'escalated',
      turns: [
        ['visitor', ['I was charged twice for my last visit, ${amount} two times.']],
        ['agent', ['I am sorry — let me get billing on this. What is your email?']],
        ['visitor', ['{email}']],
        ['system', ['Conversation escalated to billing.']],
        ['human', ['Hi {first_name}, we found the duplicate charge and refunded ${amount}.']],
      ],
    },
  },
  articles: [
    {
      category: 'Visits',
      title: 'What to expect at your first visit',
      path: '/help/first-visit',
      content: 'Arrive 10 minutes early with your insurance card. The first visit includes an exam, X-rays and a cleaning.',
    },
    {
      category: 'Visits',
      title: 'Cancellation policy',
      path: '/help/cancellation',
      content: 'Cancel at least 24 hours ahead to get your deposit back. Late cancellations forfeit the $50 deposit.',
    },
    {
      category: 'Insurance',
      title: 'Accepted insurance plans',
      path: '/help/insurance',
      content: 'We are in network with Delta Dental, Cigna, Aetna and MetLife PPO plans. HMO plans are not accepted.',
    },
    {
      category: 'Insurance',
      title: 'Membership plan',
      path: '/help/membership',
      content: 'No insurance? Our membership plan is $299 a year and includes two cleanings, exams and 15% off treatments.',
    },
    {
      category: 'Emergencies',
      title: 'Dental emergencies',
      path: '/help/emergencies',
      content: 'We keep same-day slots for chipped teeth, lost crowns and severe pain. Call or chat and we will fit you in.',
    },
    {
      category: 'Treatments',
      title: 'Teeth whitening options',
      path: '/help/whitening',
      content: 'In-office whitening takes 90 minutes. Take-home trays take two weeks. Results last 1–3 years.',
    },
  ],
};

export const CLINIC_LOCATIONS = ['Pasadena', 'Santa Monica', 'Burbank'] as const;
