import { AtriumError } from '@atrium/errors';
import { kernelErrorCodes } from '../../kernel-error-codes.js';
import type { EventParams } from './events-service.js';

/** An event as it travels between backends: JSON, naming the backend that published it. */
interface EventMessage {
  origin: string;
  /** Counts the origin's events: no two messages are equal (PostgreSQL folds equal notifications). */
  seq: number;
  topic: string;
  payload: unknown;
  metadata?: EventParams['metadata'];
}

/**
 * Encodes an event for other backends. Payloads must be JSON, on every database, so a
 * plugin that works on SQLite (one backend) works on PostgreSQL too.
 *
 * @example
 * encodeEvent('backend-1', 7, { topic: 'catalog.entity.upserted', eventPayload: { entityRef } });
 */
export function encodeEvent(origin: string, seq: number, params: EventParams): string {
  if (typeof params.topic !== 'string' || params.topic === '') {
    throw new AtriumError(
      kernelErrorCodes.EVENTS_TOPIC_INVALID,
      'an event needs a topic: a non-empty string',
      {
        details: { topic: String(params.topic) },
      },
    );
  }
  const message: EventMessage = { origin, seq, topic: params.topic, payload: params.eventPayload };
  if (params.metadata) message.metadata = params.metadata;
  try {
    return JSON.stringify(message);
  } catch (error) {
    throw new AtriumError(
      kernelErrorCodes.EVENTS_PAYLOAD_INVALID,
      `the payload of an event on topic '${params.topic}' is not JSON (${(error as Error).message}); events reach other backends as JSON`,
      { cause: error, details: { topic: params.topic } },
    );
  }
}

/** Decodes a message from another backend; undefined when it is not one of ours. */
export function decodeEvent(text: string): { origin: string; params: EventParams } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const message = value as Partial<EventMessage> | null;
  if (!message || typeof message.origin !== 'string' || typeof message.topic !== 'string') return undefined;
  const params: EventParams = { topic: message.topic, eventPayload: message.payload };
  if (message.metadata && typeof message.metadata === 'object') params.metadata = message.metadata;
  return { origin: message.origin, params };
}
