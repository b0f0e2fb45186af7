import path from 'node:path';
import * as z from 'zod';

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
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `off` sends every MCP request through the SDK's per-request server (see src/mcp/fast-path.ts). */
  MCP_FAST_PATH: z.enum(['on', 'off']).default('on'),
  /** Extra host names accepted in Host/Origin headers besides localhost and PUBLIC_URL's host. */
  ALLOWED_HOSTS: z.string().default(''),
  /**
   * `on` lets the authorization server fetch Client ID Metadata Documents from private and loopback addresses
   * (clients on your own network). Off, such fetches are refused as server-side request forgery.
   */
  CLIENT_METADATA_PRIVATE_NETWORK: z.enum(['on', 'off']).default('off'),
});

export interface Config {
  port: number;
  host: string;
  /** The externally visible base URL, without a trailing slash. */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  allowedHosts: string[];
  mcpFastPath: boolean;
  clientMetadataPrivateNetwork: boolean;
}

export class ConfigError extends Error {}

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
    redisUrl: c.REDIS_URL,
    logLevel: c.LOG_LEVEL,
    mcpFastPath: c.MCP_FAST_PATH === 'on',
    clientMetadataPrivateNetwork: c.CLIENT_METADATA_PRIVATE_NETWORK === 'on',
    allowedHosts: [
      new URL(publicUrl).hostname,
      ...c.ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean),
    ],
  };
}

/** An empty variable (`PORT=`) means "unset", as shells and .env files commonly produce. */
function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const value = env[key];
    out[key] = value === undefined || value.trim() === '' ? undefined : value;
  }
  return out;
}
