import { monotonicFactory, ulid as seededUlid, type PRNG } from 'ulidx';

/** Prefixed, time-sortable IDs (`cv_01J...`): the prefix tells a reader (and a model) what the ID names. */
export const ID_PREFIXES = {
  account: 'acct',
  user: 'usr',
  workspace: 'ws',
  agent: 'ag',
  skill: 'sk',
  channel: 'ch',
  flow: 'flow',
  flowVersion: 'fv',
  template: 'tpl',
  company: 'co',
  contact: 'ct',
  visitor: 'vis',
  note: 'note',
  conversation: 'cv',
  message: 'msg',
  formResponse: 'fr',
  event: 'evt',
  ticket: 'tk',
  ticketMessage: 'tkm',
  ticketEvent: 'tke',
  call: 'call',
  appointment: 'apt',
  reservation: 'res',
  kbCategory: 'kbc',
  kbArticle: 'kba',
  kbVersion: 'kbv',
  customAttribute: 'attr',
  apiKey: 'key',
  oauthClient: 'oac',
  oauthGrant: 'grant',
  oauthToken: 'tok',
  audit: 'aud',
  webhook: 'wh',
  outbox: 'out',
  delivery: 'dlv',
  session: 'sess',
  invitation: 'inv',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ulid = monotonicFactory();

export function newId(kind: IdKind, at?: number): string {
  return `${ID_PREFIXES[kind]}_${ulid(at)}`;
}

/** A deterministic ID source for generated data: the same seed gives the same IDs. */
export function seededIds(prng: PRNG): (kind: IdKind, at: number) => string {
  // Not monotonic: historical rows are made out of time order, and each ID must carry its own timestamp.
  return (kind, at) => `${ID_PREFIXES[kind]}_${seededUlid(Math.floor(at), prng)}`;
}
