import { sql, type RawBuilder } from 'kysely';

/**
 * The common table expressions behind the abandonment stats as of `now` (an ISO string in
 * UTC, like every stored time): events timed after it are not taken into account yet. The
 * rule is the one README.md states for every backend: a cart_abandoned `e` confirms its
 * abandonmentId once e.graceUntil <= now (e.time when the SDK sent no graceUntil) and no
 * abandonment_cancelled of that id is timed from e.time to e.graceUntil, both included. An id
 * sent many times (several tabs, or abandoned, cancelled and abandoned again) is confirmed by
 * the first such event, and counts once.
 *
 * - `abandonments`: one row per cart, its latest confirmed abandonment (the cart_abandoned
 *   row that confirmed it), with `returned` and `recovered` judged after that event's time.
 * - `pending`: the carts with an abandonment that may still count: sent, not confirmed, its
 *   grace not over, and not cancelled so far.
 *
 * Written once for SQLite and Postgres: subqueries in FROM are named, and EXISTS yields 0/1
 * in one and a boolean in the other (read both with Boolean()).
 */
export function abandonmentsSql(now: string): RawBuilder<unknown> {
  return sql`
  WITH judged AS (
    SELECT e.*, e.rowid AS row_id, COALESCE(e.grace_until, e.time) AS grace_end,
      EXISTS (SELECT 1 FROM events c WHERE c.abandonment_id = e.abandonment_id
        AND c.type = 'abandonment_cancelled'
        AND c.time BETWEEN e.time AND COALESCE(e.grace_until, e.time) AND c.time <= ${now}) AS cancelled
    FROM events e WHERE e.type = 'cart_abandoned'
  ), confirmed AS (
    SELECT * FROM (
      SELECT j.*, ROW_NUMBER() OVER (PARTITION BY abandonment_id ORDER BY grace_end, time, row_id) AS confirm_rank
      FROM judged j WHERE NOT cancelled AND grace_end <= ${now}
    ) ranked WHERE confirm_rank = 1
  ), latest AS (
    SELECT * FROM (
      SELECT c.*, ROW_NUMBER() OVER (PARTITION BY cart_id ORDER BY time DESC, row_id DESC) AS cart_rank
      FROM confirmed c
    ) ranked WHERE cart_rank = 1
  ), abandonments AS (
    SELECT latest.*,
      EXISTS (SELECT 1 FROM events r WHERE r.cart_id = latest.cart_id
        AND r.type = 'cart_returned' AND r.time > latest.time) AS returned,
      EXISTS (SELECT 1 FROM events o WHERE o.type = 'order_completed' AND o.time > latest.time
        AND (o.anonymous_id = latest.anonymous_id OR o.cart_id = latest.cart_id)) AS recovered
    FROM latest
  ), pending AS (
    SELECT DISTINCT cart_id FROM judged
    WHERE NOT cancelled AND grace_end > ${now} AND abandonment_id NOT IN (SELECT abandonment_id FROM confirmed)
  )`;
}
