import { readFileSync } from 'node:fs';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The fields the collector indexes; the schema guarantees them on a valid event. */
export interface ValidEvent {
  id: string;
  type: string;
  time: string;
  anonymousId: string;
  sessionId: string;
  cart?: { id: string };
  abandonmentId?: string;
  /** Only on cart_abandoned: other types may carry anything under this name. */
  graceUntil?: string;
  traits?: { email?: string; [trait: string]: unknown };
}

export interface EventValidator {
  /** Problems with the envelope `{ v, sentAt, events: [...] }`, not looking inside the events. */
  checkBatch(body: unknown): string[];
  /** Problems with one event; `pointer` (e.g. "/events/3") prefixes every path. */
  checkEvent(event: unknown, pointer: string): string[];
}

const schemaUrl = new URL('../../core/schema/events.v1.json', import.meta.url);

export function createEventValidator(schema: unknown = JSON.parse(readFileSync(schemaUrl, 'utf8'))): EventValidator {
  // allowUnionTypes: traits may hold strings, numbers or booleans, which JSON Schema says
  // with a type array; Ajv's strict mode would otherwise warn about it.
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema(schema as object, 'events.v1');
  const batch = ajv.getSchema('events.v1#/$defs/batch')!;
  const event = ajv.getSchema('events.v1#/$defs/event')!;

  return {
    checkBatch: (body) => (batch(body) ? [] : describeErrors(batch.errors, '')),
    checkEvent: (value, pointer) => (event(value) ? [] : describeErrors(event.errors, pointer)),
  };
}

/** Turns Ajv's errors into one line each that starts with the offending field's path. */
function describeErrors(errors: ErrorObject[] | null | undefined, pointer: string): string[] {
  const lines = new Set<string>();
  for (const error of errors ?? []) {
    const path = pointer + error.instancePath;
    const subject = path || 'body';
    switch (error.keyword) {
      case 'if':
        // Only says that a "then" branch failed; that branch's own errors name the field.
        break;
      case 'required':
        lines.add(`${path}/${error.params.missingProperty} is required`);
        break;
      case 'enum':
        lines.add(`${subject} must be one of ${error.params.allowedValues.map(quote).join(', ')}`);
        break;
      case 'const':
        lines.add(`${subject} must be ${quote(error.params.allowedValue)}`);
        break;
      default:
        lines.add(`${subject} ${error.message}`);
    }
  }
  return [...lines];
}

function quote(value: unknown): string {
  return JSON.stringify(value);
}
