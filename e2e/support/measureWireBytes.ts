import type { RecordedRequest } from './startFlakyEndpoint';

export interface WireBytes {
  /** Size of the body of the first request that carried the event. */
  bodyBytes: number;
  /** How many events that body held. */
  eventsInBody: number;
  /** The event's own JSON, in UTF-8 bytes. */
  eventBytes: number;
  /** A body `{v, sentAt, events: [event]}` holding this event alone. */
  aloneBytes: number;
}

/** Bytes on the wire for the event `id`, from what the endpoint recorded. */
export function measureWireBytes(requests: RecordedRequest[], id: string): WireBytes {
  const request = requests.find((r) => r.method === 'POST' && r.events.some((e) => e.id === id));
  if (!request) throw new Error(`no recorded request carried event ${id}`);
  const event = request.events.find((e) => e.id === id)!;
  const sentAt = (JSON.parse(request.body) as { sentAt: string }).sentAt;
  return {
    bodyBytes: request.bytes,
    eventsInBody: request.events.length,
    eventBytes: Buffer.byteLength(JSON.stringify(event)),
    aloneBytes: Buffer.byteLength(JSON.stringify({ v: 1, sentAt, events: [event] })),
  };
}
