import pg from 'pg';

const RECONNECT_MS = 1000;

/**
 * One dedicated PostgreSQL connection that LISTENs on Parley's channels and reconnects when it drops. While it is
 * down notifications can be missed, so a reconnect is announced on every channel as a notification with an empty
 * payload, which listeners treat as "something may have changed".
 */
export class NotificationListener {
  private readonly channels = new Set<string>();
  private client: pg.Client | undefined;
  private closed = false;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly deliver: (channel: string, payload: string) => void,
  ) {}

  add(channel: string): void {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`unsafe channel name: ${channel}`);
    this.channels.add(channel);
    if (this.client) void this.client.query(`listen ${channel}`).catch(() => undefined);
    else this.connecting ??= this.connect();
  }

  private async connect(): Promise<void> {
    while (!this.closed) {
      const client = new pg.Client({ connectionString: this.connectionString });
      // Heard from the start: one chunk from the server can finish a LISTEN and then report the backend terminated,
      // with no query left to take the error, and an unheard 'error' would end the process. A connection lost before
      // it became the current one is set up again below.
      let lost = false;
      const onLost = () => {
        lost = true;
        this.reconnect(client);
      };
      client.on('error', onLost);
      client.on('end', onLost);
      try {
        await client.connect();
        for (const channel of this.channels) await client.query(`listen ${channel}`);
        if (lost) throw new Error('connection lost while listening');
        if (this.closed) {
          // Closed while this connection was being made: close() had nothing to end, so it ends here.
          await client.end().catch(() => undefined);
          return;
        }
        client.on('notification', (n) => this.deliver(n.channel, n.payload ?? ''));
        this.client = client;
        this.connecting = undefined;
        for (const channel of this.channels) this.deliver(channel, '');
        return;
      } catch {
        await client.end().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    }
  }

  private reconnect(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    this.connecting ??= this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
