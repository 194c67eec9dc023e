import type { CollectorDatabase } from '../openDatabase';
import type { ExperimentRow } from './types';

// The events results are made of: exposures, and the orders and abandonments of the
// visitors who were exposed. Times are stored as UTC ISO strings (openDatabase).
const sql = `
  SELECT type, anonymous_id AS anonymousId, time, abandonment_id AS abandonmentId,
    json_extract(body, '$.experimentId') AS experimentId,
    json_extract(body, '$.arm') AS arm,
    json_extract(body, '$.shares') AS shares,
    json_extract(body, '$.forced') AS forced,
    json_extract(body, '$.order.value') AS value
  FROM events
  WHERE type = 'experiment_exposed'
    OR (type IN ('order_completed', 'cart_abandoned')
      AND anonymous_id IN (SELECT anonymous_id FROM events WHERE type = 'experiment_exposed'))`;

interface Selected {
  type: ExperimentRow['type'];
  anonymousId: string;
  time: string;
  abandonmentId: string | null;
  experimentId: string | null;
  arm: string | null;
  shares: string | null;
  forced: number | null;
  value: number | null;
}

/** The rows summarizeExperiments needs, read from the collector's database. */
export function readExperimentRows(db: CollectorDatabase): ExperimentRow[] {
  return (db.select(sql) as Selected[]).map((row) => ({
    type: row.type,
    anonymousId: row.anonymousId,
    time: row.time,
    ...(row.abandonmentId && { abandonmentId: row.abandonmentId }),
    ...(row.experimentId && { experimentId: row.experimentId }),
    ...(row.arm && { arm: row.arm }),
    ...(row.shares && { shares: JSON.parse(row.shares) }),
    ...(row.forced && { forced: true }),
    ...(typeof row.value == 'number' && { value: row.value }),
  }));
}
