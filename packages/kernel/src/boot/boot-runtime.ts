import type { RootHealth } from '../services/health/health-service.js';
import type { RootLifecycle } from '../services/lifecycle/lifecycle-service.js';
import type { LoggerService } from '../services/logger/logger-service.js';

/**
 * What outlives a boot, failed or not: shutdown runs the lifecycle's hooks with this
 * logger and timeout, which boot fills in as soon as config is read.
 */
export interface BootRuntime {
  lifecycle: RootLifecycle;
  health: RootHealth;
  logger?: LoggerService;
  shutdownTimeoutMs: number;
}
