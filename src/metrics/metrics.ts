import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolState } from '../db/database.ts';

/** Which part of Parley answered a request: the label every request metric carries. */
export type Surface = 'mcp' | 'rest' | 'oauth' | 'web' | 'health';

export function surfaceOf(path: string): Surface {
  if (path === '/mcp' || path.startsWith('/mcp/')) return 'mcp';
  if (path.startsWith('/api/')) return 'rest';
  if (path.startsWith('/oauth/') || path.startsWith('/.well-known/')) return 'oauth';
  if (path === '/livez' || path === '/readyz' || path === '/healthz') return 'health';
  return 'web';
}

/** Seconds: a point read answers in a few milliseconds, a heavy aggregate in about a second. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * Parley's Prometheus metrics, in a registry of its own (one per server, so servers started in one process never
 * share counts). Recording is a few map lookups; nothing is computed until a scrape.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'parley_http_requests_total',
    help: 'HTTP requests answered, by surface and status code.',
    labelNames: ['surface', 'status'],
    registers: [this.registry],
  });
  private readonly requestSeconds = new Histogram({
    name: 'parley_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by surface.',
    labelNames: ['surface'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly calls = new Counter({
    name: 'parley_operation_calls_total',
    help: 'Operation (tool) calls, by operation, surface and outcome ("ok" or the error code).',
    labelNames: ['operation', 'surface', 'outcome'],
    registers: [this.registry],
  });
  private readonly callSeconds = new Histogram({
    name: 'parley_operation_duration_seconds',
    help: 'Time to run an operation, rate limit and validation included.',
    labelNames: ['operation', 'surface'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly refusals = new Counter({
    name: 'parley_rate_limit_refusals_total',
    help: 'Calls refused by a rate limit, by surface.',
    labelNames: ['surface'],
    registers: [this.registry],
  });

  constructor(pool: () => PoolState) {
    collectDefaultMetrics({ register: this.registry, prefix: 'parley_' });
    new Gauge({
      name: 'parley_db_pool_connections',
      help: 'Database connections: open in all, idle among them, and requests waiting for one.',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const state = pool();
        this.set({ state: 'open' }, state.open);
        this.set({ state: 'idle' }, state.idle);
        this.set({ state: 'waiting' }, state.waiting);
      },
    });
  }

  request(surface: Surface, status: number, seconds: number): void {
    this.requests.inc({ surface, status });
    this.requestSeconds.observe({ surface }, seconds);
  }

  operation(operation: string, surface: 'mcp' | 'rest', outcome: string, seconds: number): void {
    this.calls.inc({ operation, surface, outcome });
    this.callSeconds.observe({ operation, surface }, seconds);
    if (outcome === 'rate_limited') this.refusals.inc({ surface });
  }
}
