export interface WorkspaceRow {
  id: string;
  account_id: string;
  name: string;
  slug: string;
  timezone: string;
  /** The web origins whose pages may send events with the workspace's publishable key ('*': any). */
  tracking_origins: string[];
  created_at: string;
}
