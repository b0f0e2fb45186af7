import type { Principal } from '../auth/principal.ts';

/** Values the middlewares put on each request's context. */
export type AppEnv = {
  Variables: {
    requestId: string;
    principal: Principal;
  };
};
