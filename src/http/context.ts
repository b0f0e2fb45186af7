import type { HttpBindings } from '@hono/node-server';
import type { Principal } from '../auth/principal.ts';

/** Values the middlewares put on each request's context. */
export type AppEnv = {
  Bindings: HttpBindings;
  Variables: {
    requestId: string;
    principal: Principal;
  };
};
