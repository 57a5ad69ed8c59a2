/**
 * Carries encoded events between the backends of one installation (PostgreSQL
 * LISTEN/NOTIFY or Redis pub/sub). Every backend listening receives each message once,
 * the sender included; the bus drops its own.
 */
export interface EventTransport {
  /** Starts receiving; resolves once this backend listens, so no later message is missed. */
  listen(onMessage: (message: string) => void): Promise<void>;
  /** Sends one message to every listening backend; resolves once the transport took it. */
  send(message: string): Promise<void>;
  close(): Promise<void>;
}
