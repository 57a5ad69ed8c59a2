import type { FastifyInstance } from 'fastify';

/** Mounts handlers outside `/api`, such as the web app at `/`. */
export interface RootHttpRouterService {
  /**
   * Registers Fastify routes in an encapsulated context with the given prefix. Routes
   * registered here are public: they must serve only what anyone may see.
   */
  use(prefix: string, register: (instance: FastifyInstance) => void | Promise<void>): void;
}
