import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { LOW_SATISFACTION_MAX } from "@/lib/constants";

/**
 * The heavy customer's calls, made by PostgreSQL itself: `generate_series` rows whose every choice is
 * a hash of the row number (`hashint8extended(i, k)`, stable across servers), so a run is repeatable
 * without sending a million rows over the wire.
 */

/** A uniform number in [0, 1) drawn from row `i` with seed `k`. */
const draw = (k: number) => sql.raw(`((hashint8extended(g.i, ${k}) & 1048575) / 1048576.0)`);

const completedSummaries = [
  "Customer asked where order %s is; tracking link sent by email.",
  "Refund requested for order %s; approved and confirmed to the customer.",
  "Changed the delivery address of order %s.",
  "Invoice question on account %s: explained the VAT line.",
  "New customer: opened account %s and took the billing details.",
  "Complaint about a damaged parcel, order %s; replacement shipped.",
  "Cancelled subscription %s at the end of the month.",
  "Upgraded account %s to the business plan.",
  "Password reset for account %s after identity check.",
  "Booked a callback with a technician for account %s.",
  "Warranty claim for order %s: asked for photos of the fault.",
  "Price enquiry about bulk orders; quote %s sent.",
];
const otherSummaries = {
  missed: ["Missed call outside opening hours.", "Missed call while all lines were busy."],
  failed: ["The call dropped before it was answered.", "The number could not be reached."],
  voicemail: ["Voicemail: asks for a call back about order %s.", "Voicemail: question about invoice %s."],
};

const textArray = (texts: string[]) => sql.raw(`array[${texts.map((text) => `'${text.replaceAll("'", "''")}'`).join(", ")}]`);

/** `texts[1 + floor(r * n)]` with the reference number put in for `%s`. */
function summaryOf(texts: string[], r: ReturnType<typeof draw>, reference: ReturnType<typeof sql>) {
  return sql`replace((${textArray(texts)})[1 + floor(${r} * ${sql.raw(String(texts.length))})::int], '%s', ${reference})`;
}

export type ScaleCallsInput = {
  accountId: string;
  agentIds: string[];
  /** Rows `first`..`last` (1-based, inclusive) of `total`; the row number decides each call. */
  first: number;
  last: number;
  total: number;
  /** The calls spread over the `days` before `until` (midnight UTC), oldest first. */
  until: Date;
  days: number;
  currency: string;
};

/** Inserts rows `first`..`last` of the heavy customer's calls in one statement. */
export async function insertScaleCalls(input: ScaleCallsInput, db: Database): Promise<void> {
  if (input.agentIds.length === 0 || input.agentIds.some((id) => !/^[0-9a-f-]{36}$/.test(id))) throw new Error("The heavy customer's calls need agents.");
  const agents = sql.raw(`array[${input.agentIds.map((id) => `'${id}'::uuid`).join(", ")}]`);
  const [status, direction, agent, time, duration, rated, score, line, text] = [draw(1), draw(2), draw(3), draw(4), draw(5), draw(6), draw(7), draw(9), draw(10)];
  const [first, last, total, days] = [input.first, input.last, input.total, input.days].map((value) => {
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`Not a positive whole number: ${value}`);
    return sql.raw(String(value));
  });
  const reference = sql`(100000 + (hashint8extended(g.i, 11) & 1048575) % 900000)::text`;
  await db.execute(sql`
    insert into calls (account_id, agent_id, direction, status, from_number, to_number, started_at, duration_seconds, transcript, summary, satisfaction, cost, currency, created_at)
    select ${input.accountId}::uuid, c.agent_id, c.direction, c.status,
      case when c.direction = 'inbound' then c.caller else c.line end,
      case when c.direction = 'inbound' then c.line else c.caller end,
      c.started_at, c.duration_seconds,
      case when c.status = 'completed' and ${text} < 0.05 then 'Agent: Heavy Calls, how can I help?' || chr(10) || 'Caller: ' || c.summary || chr(10) || 'Agent: Done. Anything else?' || chr(10) || 'Caller: No, thank you.' end,
      c.summary,
      case when c.status = 'completed' and ${rated} < 0.85 then (array[5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + floor(${score} * 9)::int] end,
      ceil(c.duration_seconds / 60.0)::int * case when c.direction = 'inbound' then 9 else 14 end,
      ${input.currency},
      c.started_at + make_interval(secs => c.duration_seconds + 5)
    from generate_series(${first}::bigint, ${last}::bigint) as g(i)
    cross join lateral (select
      case when ${status} < 0.72 then 'completed' when ${status} < 0.84 then 'missed' when ${status} < 0.93 then 'voicemail' else 'failed' end as status) s
    cross join lateral (select s.status,
      case when s.status = 'voicemail' or ${direction} < 0.68 then 'inbound' else 'outbound' end as direction,
      case when s.status <> 'missed' then (${agents})[1 + floor(${agent} * ${sql.raw(String(input.agentIds.length))})::int] end as agent_id,
      -- Day by row number (so the table is in time order, as ingestion leaves it), the hour at random:
      -- mostly 07:00–19:00 UTC, some in the evening.
      ${input.until.toISOString()}::timestamptz - make_interval(days => ${days} - floor((g.i - 1) * ${days}::numeric / ${total})::int)
        + make_interval(secs => case when ${time} < 0.9 then 25200 + floor(${time} / 0.9 * 43200) else 68400 + floor((${time} - 0.9) * 10 * 14400) end) as started_at,
      case s.status
        when 'completed' then round(45 - ln(1 - ${duration}) * 240)::int
        when 'voicemail' then 15 + floor(${duration} * 75)::int
        when 'failed' then floor(${duration} * 6)::int
        else 0 end as duration_seconds,
      -- A pool of 50,000 callers, so a number comes back now and then, as customers do.
      '+447700' || lpad(((hashint8extended(g.i, 8) & 1048575) % 50000 * 19)::text, 6, '0') as caller,
      '+44207946000' || floor(${line} * 10)::int as line,
      case s.status
        when 'completed' then ${summaryOf(completedSummaries, text, reference)}
        when 'voicemail' then ${summaryOf(otherSummaries.voicemail, text, reference)}
        when 'missed' then ${summaryOf(otherSummaries.missed, text, reference)}
        else ${summaryOf(otherSummaries.failed, text, reference)} end as summary) c
  `);
}

/**
 * Rebuilds the account's hourly statistics from its calls in one statement, and its totals from
 * those: the same rows `insertCalls` keeps one call at a time (hours in UTC, minutes rounded up).
 */
export async function fillCallStats(accountId: string, db: Database): Promise<void> {
  await db.execute(sql`delete from call_hourly_stats where account_id = ${accountId}`);
  await db.execute(sql`delete from call_totals where account_id = ${accountId}`);
  await db.execute(sql`
    insert into call_hourly_stats (account_id, agent_id, hour, calls, completed, total_seconds, completed_seconds, billed_minutes, rated_calls, satisfaction_sum)
    select account_id, agent_id, date_trunc('hour', started_at, 'UTC'),
      count(*), count(*) filter (where status = 'completed'),
      sum(duration_seconds), coalesce(sum(duration_seconds) filter (where status = 'completed'), 0),
      sum(ceil(duration_seconds / 60.0)), count(satisfaction), coalesce(sum(satisfaction), 0)
    from calls
    where account_id = ${accountId}
    group by account_id, agent_id, date_trunc('hour', started_at, 'UTC')
    -- In time order, as call-by-call ingestion leaves them: a month's hours then sit on few pages.
    order by 3, 2
  `);
  await db.execute(sql`
    insert into call_totals (account_id, agent_id, calls, completed, total_seconds, completed_seconds, billed_minutes, rated_calls, satisfaction_sum)
    select account_id, agent_id, sum(calls), sum(completed), sum(total_seconds), sum(completed_seconds), sum(billed_minutes), sum(rated_calls), sum(satisfaction_sum)
    from call_hourly_stats
    where account_id = ${accountId}
    group by account_id, agent_id
  `);
}

/**
 * The account's calls on its timeline, made afresh from its calls in one statement: the entries
 * `insertCalls` writes call by call (at the time the call started, a low score flagged).
 */
export async function fillCallActivity(accountId: string, db: Database): Promise<void> {
  await db.execute(sql`delete from activity_events where account_id = ${accountId} and area = 'calls'`);
  await db.execute(sql`
    insert into activity_events (account_id, area, type, params, link, occurred_at)
    select account_id, 'calls', 'call.completed',
      jsonb_strip_nulls(jsonb_build_object(
        'direction', direction, 'status', status,
        'number', case when direction = 'inbound' then from_number else to_number end,
        'duration', duration_seconds,
        'low', coalesce(satisfaction <= ${sql.raw(String(LOW_SATISFACTION_MAX))}, false),
        'satisfaction', satisfaction)),
      '/dashboard/calls/' || id, started_at
    from calls
    where account_id = ${accountId}
    order by started_at, id
  `);
}
