export interface ConnectedApp {
  id: string;
  client_id: string;
  client_name: string | null;
  user_name: string;
  user_email: string;
  workspaces: { id: string; name: string }[];
  scopes: string[];
  created_at: string;
  last_used_at: string | null;
}
