import type { KeyKind } from '../../keys/api-keys.ts';

export interface ApiKeyRow {
  id: string;
  account_id: string;
  workspace_id: string | null;
  kind: KeyKind;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
