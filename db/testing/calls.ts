import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { insertCalls, type NewCall } from "@/db/queries/call-writes";
import { agentAssignments, agents, type Agent } from "@/db/schema";

/** Test data for calls and agents: rows as ingestion and staff would leave them. */

export async function testAgent(overrides: Partial<typeof agents.$inferInsert> = {}): Promise<Agent> {
  const [agent] = await getDb()
    .insert(agents)
    .values({ name: `Agent ${randomUUID().slice(0, 6)}`, kind: "human", languages: ["en"], specialties: ["Support"], ...overrides })
    .returning();
  return agent!;
}

export async function testAssignment(accountId: string, agentId: string, overrides: Partial<typeof agentAssignments.$inferInsert> = {}) {
  const [assignment] = await getDb()
    .insert(agentAssignments)
    .values({ accountId, agentId, role: "primary", startsOn: "2026-01-01", ...overrides })
    .returning();
  return assignment!;
}

/** A finished call of the account, one minute long and completed unless `overrides` say otherwise. */
export function testCallRow(accountId: string, overrides: Partial<NewCall> = {}): NewCall {
  return {
    accountId,
    direction: "inbound",
    status: "completed",
    fromNumber: "+15550100",
    toNumber: "+15550199",
    startedAt: new Date("2026-11-01T10:00:00Z"),
    durationSeconds: 60,
    currency: "usd",
    platformCallId: `test_${randomUUID()}`,
    ...overrides,
  };
}

/** Inserts calls (with their statistics) and returns their ids in the given order. */
export async function testCalls(accountId: string, rows: Partial<NewCall>[]): Promise<string[]> {
  const inserted = await insertCalls(rows.map((row) => testCallRow(accountId, row)));
  return inserted.map((row) => row.id);
}
