import type { Toolset } from '../define.ts';
import { getVisitorJourney } from './get-visitor-journey.ts';
import { getVisitorProfile } from './get-visitor-profile.ts';
import { listVisitorProfiles } from './list-visitor-profiles.ts';

export const visitors: Toolset = {
  id: 'visitors',
  description: 'Website visitors: profiles, traffic sources, and the pages and events of each visit.',
  default: true,
  instructions:
    'list_visitor_profiles filters visitors by source, campaign or activity; get_visitor_profile and get_visitor_journey show what ' +
    'one visitor did, in order (what they did before booking a demo, say).',
  operations: [listVisitorProfiles, getVisitorProfile, getVisitorJourney],
};
