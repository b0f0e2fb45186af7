import type { HttpBindings } from '@hono/node-server';
import type { Principal } from '../domain/tenancy/principal.ts';
import type { SessionUser } from '../domain/users/schema.ts';

/** Values the middlewares put on each request's context. */
export type AppEnv = {
  Bindings: HttpBindings;
  Variables: {
    requestId: string;
    /** The client's address: the connection's, or the one a trusted proxy forwarded (TRUSTED_PROXIES). */
    clientAddress: string;
    principal: Principal;
    /** The dashboard user, when a browser session is signed in. */
    user?: SessionUser;
  };
};
