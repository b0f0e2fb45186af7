import path from 'node:path';
import proxyaddr from 'proxy-addr';
import * as z from 'zod';
import { commaList } from './comma-list.ts';

/** Environment configuration, validated once at start so a bad value fails loudly with its name. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('.parley'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** The embedded engine's page cache, as PostgreSQL's shared_buffers takes it (16MB by default). */
  EMBEDDED_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9]\d{0,5}(kB|MB|GB)$/, 'a size such as 16MB or 1GB')
    .optional(),
  /** Milliseconds an unused database connection stays open (default: 10 s on PostgreSQL, kept on the embedded engine). */
  DATABASE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(0).max(86_400_000).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Serve Prometheus metrics at GET /metrics on this port (on HOST), apart from the public listener. Unset: off. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load the demo tenants into an empty database at start: by default on the embedded engine only (the quick start). */
  DEMO_DATA: z.enum(['on', 'off']).optional(),
  /** `off` sends every MCP request through the SDK's per-request server (see src/mcp/fast-path.ts). */
  MCP_FAST_PATH: z.enum(['on', 'off']).default('on'),
  /** Extra host names accepted in Host/Origin headers besides localhost and PUBLIC_URL's host. */
  ALLOWED_HOSTS: z.string().default(''),
  /**
   * `on` lets the authorization server fetch Client ID Metadata Documents from private and loopback addresses
   * (clients on your own network). Off, such fetches are refused as server-side request forgery.
   */
  CLIENT_METADATA_PRIVATE_NETWORK: z.enum(['on', 'off']).default('off'),
  /**
   * The proxies whose X-Forwarded-For to believe: addresses or CIDR ranges, or loopback / linklocal / uniquelocal,
   * comma-separated. Unset, the connection's own address is the client's (a forged header changes nothing).
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .refine(
      (value) => compilesAsTrust(commaList(value)),
      'expected addresses, CIDR ranges or loopback / linklocal / uniquelocal, comma-separated',
    ),
});

export interface Config {
  port: number;
  host: string;
  /** The externally visible base URL, without a trailing slash. */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseIdleTimeoutMs: number | undefined;
  embeddedSharedBuffers: string | undefined;
  /** Whether to load demo data into an empty database; undefined means "on the embedded engine only". */
  demoData: boolean | undefined;
  redisUrl: string | undefined;
  metricsPort: number | undefined;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  allowedHosts: string[];
  mcpFastPath: boolean;
  clientMetadataPrivateNetwork: boolean;
  trustedProxies: string[];
}

export class ConfigError extends Error {}

/** Every setting Parley reads from the environment (or a .env file). */
export const SETTINGS = Object.keys(ConfigSchema.shape);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(blankToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '');
  return {
    port: c.PORT,
    host: c.HOST,
    publicUrl,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    databaseIdleTimeoutMs: c.DATABASE_IDLE_TIMEOUT_MS,
    embeddedSharedBuffers: c.EMBEDDED_SHARED_BUFFERS,
    demoData: c.DEMO_DATA === undefined ? undefined : c.DEMO_DATA === 'on',
    redisUrl: c.REDIS_URL,
    metricsPort: c.METRICS_PORT,
    logLevel: c.LOG_LEVEL,
    mcpFastPath: c.MCP_FAST_PATH === 'on',
    clientMetadataPrivateNetwork: c.CLIENT_METADATA_PRIVATE_NETWORK === 'on',
    trustedProxies: commaList(c.TRUSTED_PROXIES),
    allowedHosts: [new URL(publicUrl).hostname, ...commaList(c.ALLOWED_HOSTS)],
  };
}

function compilesAsTrust(entries: string[]): boolean {
  try {
    proxyaddr.compile(entries);
    return true;
  } catch {
    return false;
  }
}

/** An empty variable (`PORT=`) means "unset", as shells and .env files commonly produce. */
function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of SETTINGS) {
    const value = env[key];
    out[key] = value === undefined || value.trim() === '' ? undefined : value;
  }
  return out;
}
