import type { CollectorDatabase } from '../storage/openDatabase';
import type { ExperimentRow } from './types';

/**
 * The rows summarizeExperiments needs, read from the collector's database (SQLite or
 * Postgres, one kysely query): the exposures, and the orders and abandonments of the visitors
 * who were exposed. The event's fields come from its JSON body, parsed here.
 */
export async function readExperimentRows({ kysely }: Pick<CollectorDatabase, 'kysely'>): Promise<ExperimentRow[]> {
  const exposed = kysely.selectFrom('events').select('anonymous_id').where('type', '=', 'experiment_exposed');
  const rows = await kysely
    .selectFrom('events')
    .select(['type', 'anonymous_id', 'time', 'abandonment_id', 'body'])
    .where((eb) =>
      eb.or([
        eb('type', '=', 'experiment_exposed'),
        eb.and([eb('type', 'in', ['order_completed', 'cart_abandoned']), eb('anonymous_id', 'in', exposed)]),
      ]),
    )
    .execute();
  return rows.map((row) => {
    const event = JSON.parse(row.body);
    const value = event.order?.value;
    return {
      type: row.type as ExperimentRow['type'],
      anonymousId: row.anonymous_id,
      time: row.time,
      ...(row.abandonment_id && { abandonmentId: row.abandonment_id }),
      ...(typeof event.experimentId == 'string' && { experimentId: event.experimentId }),
      ...(typeof event.arm == 'string' && { arm: event.arm }),
      ...(event.shares && typeof event.shares == 'object' && { shares: event.shares }),
      ...(event.forced === true && { forced: true }),
      ...(typeof value == 'number' && { value }),
    };
  });
}
