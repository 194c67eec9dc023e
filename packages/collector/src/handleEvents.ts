import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkEventLimits } from './checkEventLimits';
import type { EventValidator, ValidEvent } from './createEventValidator';
import { HttpError } from './HttpError';
import type { CollectorDatabase } from './storage/openDatabase';
import { readBody } from './readBody';
import type { CollectorLimits } from './resolveLimits';
import { sendJson } from './sendJson';

export interface Rejection {
  index: number;
  id?: string;
  errors: string[];
}

export interface BatchResult {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
}

export interface HandlerDeps {
  db: CollectorDatabase;
  /** Called with the events a batch newly stored (webhooks queue them). */
  onStored?: (events: ValidEvent[], receivedAt: string) => Promise<void>;
  validator: EventValidator;
  limits: CollectorLimits;
}

// sendBeacon sends strings as text/plain, and a text/plain fetch needs no CORS preflight.
// A Blob without a type arrives with no Content-Type at all.
const acceptedTypes = new Set(['', 'text/plain', 'application/json']);
const maxErrorsPerEvent = 20;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * POST /events. The envelope must be well-formed (else 400/413, nothing stored); then each
 * event stands alone: valid ones are stored, invalid ones are listed in `rejected`. The
 * answer is 400 only when every event was invalid, otherwise 200 — see the README for why.
 */
export async function handleEvents(req: IncomingMessage, res: ServerResponse, { db, validator, limits, onStored }: HandlerDeps) {
  let text: string;
  try {
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!acceptedTypes.has(mediaType)) {
      throw new HttpError(415, `Content-Type ${mediaType} is not accepted. Send the batch as text/plain or application/json.`);
    }
    text = decodeUtf8(await readBody(req, limits.maxBodyBytes, limits.bodyTimeoutMs));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // The rest of the body was not read: close rather than parse leftovers as a new request.
    return sendJson(res, error.status, { error: error.message }, { Connection: 'close' });
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return sendJson(res, 400, {
      error: `Body is not JSON (${(error as Error).message}). Send {"v":1,"sentAt":"<ISO date>","events":[...]}.`,
    });
  }
  const envelopeErrors = validator.checkBatch(body);
  if (envelopeErrors.length > 0) {
    return sendJson(res, 400, { error: 'Body is not a cartback v1 batch; nothing was stored.', details: envelopeErrors });
  }
  const { events } = body as { events: unknown[] };
  if (events.length > limits.maxEvents) {
    return sendJson(res, 413, {
      error: `Batch has ${events.length} events; the limit is ${limits.maxEvents}. Split it into smaller batches.`,
    });
  }

  const valid: ValidEvent[] = [];
  const rejected: Rejection[] = [];
  events.forEach((event, index) => {
    const pointer = `/events/${index}`;
    // Limits first: no point running the schema over a megabyte string.
    const limitErrors = checkEventLimits(event, pointer, limits);
    const errors = limitErrors.length > 0 ? limitErrors : validator.checkEvent(event, pointer);
    if (errors.length === 0) valid.push(event as ValidEvent);
    else rejected.push({ index, ...idOf(event), errors: capErrors(errors) });
  });

  if (valid.length === 0) {
    const error = 'Every event in the batch is invalid; nothing was stored.';
    return sendJson(res, 400, { error, accepted: 0, duplicates: 0, rejected });
  }
  const receivedAt = new Date().toISOString();
  const { acceptedIds, ...counts } = await db.insertEvents(valid, receivedAt);
  // Only newly stored events go to webhooks: a retried batch is not forwarded twice.
  await onStored?.(valid.filter((event) => acceptedIds.has(event.id)), receivedAt);
  const result: BatchResult = { ...counts, rejected };
  sendJson(res, 200, rejected.length === 0 ? result : { ...result, note: partialNote });
}

const partialNote =
  'Rejected events were not stored. The batch is still acknowledged so the sender drops it: resending cannot make them valid.';

function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new HttpError(400, 'Body is not valid UTF-8. Send the JSON text encoded as UTF-8.');
  }
}

function idOf(event: unknown): { id?: string } {
  const id = (event as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 100 ? { id } : {};
}

/** Keeps the answer small when an event is wrong in hundreds of places. */
function capErrors(errors: string[]): string[] {
  if (errors.length <= maxErrorsPerEvent) return errors;
  return [...errors.slice(0, maxErrorsPerEvent), `...and ${errors.length - maxErrorsPerEvent} more`];
}
