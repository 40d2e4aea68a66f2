import { count, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { insertCalls, type NewCall } from "@/db/queries/call-writes";
import { agentAssignments, agentRequests, agents, callPreferences, callRequests, calls, storedFiles } from "@/db/schema";
import { CALL_RECORDING_MAX_BYTES, recordingTypes, type AgentKind, type CallDirection, type CallStatus } from "@/lib/constants";
import { storeFile } from "@/lib/storage";

const DAY = 24 * 60 * 60 * 1000;
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** A small seeded generator (mulberry32): the same seed gives the same demo calls on every start. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const WAV_SAMPLE_RATE = 8000;

/** A real recording to play and seek: 16-bit PCM, 8 kHz mono, a tune of short tones with soft edges. */
export function toneWav(seconds: number, seed: number): Buffer {
  const random = seededRandom(seed);
  const scale = [330, 370, 415, 494, 554, 659];
  const samples = Math.round(seconds * WAV_SAMPLE_RATE);
  const noteLength = WAV_SAMPLE_RATE / 4;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write("RIFF", 0, "ascii");
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write("WAVEfmt ", 8, "ascii");
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(WAV_SAMPLE_RATE, 24);
  wav.writeUInt32LE(WAV_SAMPLE_RATE * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write("data", 36, "ascii");
  wav.writeUInt32LE(samples * 2, 40);
  let frequency = scale[0]!;
  for (let i = 0; i < samples; i++) {
    const inNote = i % noteLength;
    if (inNote === 0) frequency = scale[Math.floor(random() * scale.length)]!;
    // A short fade in and out of every note, so the tones do not click.
    const envelope = Math.min(1, inNote / 160, (noteLength - inNote) / 160);
    wav.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequency * i) / WAV_SAMPLE_RATE) * envelope * 9000), 44 + i * 2);
  }
  return wav;
}

type DemoAgent = { key: string; name: string; kind: AgentKind; languages: string[]; specialties: string[]; bio: string; active?: boolean };

const demoAgents: DemoAgent[] = [
  { key: "mia", name: "Mia Schneider", kind: "human", languages: ["de", "en"], specialties: ["Appointments", "Dental practices"], bio: "Eight years at the front desk of a dental clinic in Berlin. Calm with anxious patients and quick with the calendar." },
  { key: "jonas", name: "Jonas Weber", kind: "human", languages: ["de"], specialties: ["Billing", "Insurance"], bio: "Explains invoices and insurance claims in plain words, and follows up until they are paid." },
  { key: "aisha", name: "Aisha Khan", kind: "human", languages: ["en", "ar"], specialties: ["Customer support", "Escalations"], bio: "Takes the difficult calls: complaints, urgent cases and callers who need a second opinion." },
  { key: "lucas", name: "Lucas Martin", kind: "human", languages: ["fr", "en"], specialties: ["Sales", "Outbound campaigns"], bio: "Runs reminder and reactivation campaigns and books follow-up visits." },
  { key: "nova", name: "Nova", kind: "ai", languages: ["en", "de", "fr", "es"], specialties: ["After-hours", "Triage", "Appointments"], bio: "An AI agent for evenings, weekends and busy hours: books and moves appointments, answers common questions and hands over to a person when needed." },
  { key: "echo", name: "Echo", kind: "ai", languages: ["en", "de"], specialties: ["Reminders", "Surveys"], bio: "An AI agent that calls to confirm appointments and asks a short satisfaction survey afterwards." },
  { key: "tom", name: "Tom Becker", kind: "human", languages: ["de", "en"], specialties: ["Front desk"], bio: "Covered the phones during the summer; no longer takes new accounts.", active: false },
];

const summaries: Record<CallStatus, string[]> = {
  completed: [
    "Booked a cleaning appointment for next Tuesday at 9:30.",
    "Moved a check-up to Thursday afternoon at the caller's request.",
    "Explained the invoice for the crown and agreed on two instalments.",
    "New patient registration: took contact details and insurance number.",
    "Caller asked about whitening prices; sent the price list by email.",
    "Confirmed tomorrow's appointment and reminded the patient to bring the X-rays.",
    "Toothache since yesterday: booked an emergency slot this morning.",
    "Insurance company asked for the treatment plan; promised it by Friday.",
    "Cancelled a follow-up visit; the patient will call back after the holidays.",
    "Refund request for a double payment: forwarded to billing.",
    "Supplier confirmed delivery of the impression materials for Monday.",
    "Caller complained about the waiting time last visit; apologised and noted it.",
  ],
  missed: ["Missed call outside opening hours.", "Missed call while all lines were busy."],
  failed: ["The call dropped before it was answered.", "The number could not be reached."],
  voicemail: ["Voicemail: the patient asks for a call back about an appointment.", "Voicemail: a question about an invoice.", "Voicemail: the lab says the crown is ready."],
};

const transcripts = [
  ["Agent: Northwind Dental, good morning, how can I help?", "Caller: Hi, I'd like to book a cleaning.", "Agent: Of course. Would next Tuesday at 9:30 work?", "Caller: That's perfect, thank you.", "Agent: You're booked. We'll send a reminder the day before."],
  ["Agent: Northwind Dental, this is the front desk.", "Caller: I got an invoice for the crown and it's more than I expected.", "Agent: Let me look at it with you. Part of it is the lab fee; we can split the rest into two payments.", "Caller: Two payments would help, yes.", "Agent: I've noted it and will send you the updated invoice today."],
  ["Agent: Northwind Dental, hello.", "Caller: I've had a toothache since yesterday, can someone see me today?", "Agent: We have an emergency slot at 11:15 this morning.", "Caller: I'll take it.", "Agent: Please come ten minutes early and bring your insurance card."],
];

const ownLines = ["+493055501000", "+493055501001"];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function callerNumber(random: () => number): string {
  const mobile = random() < 0.6;
  const digits = String(Math.floor(random() * 10_000_000)).padStart(7, "0");
  return mobile ? `+49151${digits}` : `+4930${digits}`;
}

type Staffing = { before: string; primary: string; backup: string; switchDay: number };

/**
 * The demo customer's calls over the last 120 days, oldest first. The choices come from two seeded
 * generators: one for the days (which depend on today's weekday), one for everything else, so
 * the mix of statuses, agents and durations is the same on every run.
 */
export function demoCallRows(accountId: string, staffing: Staffing, total = 3000): NewCall[] {
  const days = seededRandom(20_261_126);
  const random = seededRandom(10);
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const rows: NewCall[] = [];
  for (let index = 0; index < total; index++) {
    // Weekends are quieter: most weekend days drawn are drawn again.
    let daysAgo: number;
    do daysAgo = Math.floor(days() * 120);
    while ([0, 6].includes(new Date(today.getTime() - daysAgo * DAY).getUTCDay()) && days() < 0.7);
    // Opening hours in Berlin (7:00–19:00 UTC covers them), a few calls in the evening.
    const secondOfDay = random() < 0.9 ? 6 * 3600 + Math.floor(random() * 12 * 3600) : 18 * 3600 + Math.floor(random() * 4 * 3600);
    const startedAt = new Date(today.getTime() - daysAgo * DAY + secondOfDay * 1000);
    if (startedAt.getTime() > Date.now()) startedAt.setTime(startedAt.getTime() - DAY);
    const roll = random();
    const status: CallStatus = roll < 0.72 ? "completed" : roll < 0.84 ? "missed" : roll < 0.93 ? "voicemail" : "failed";
    const direction: CallDirection = status === "voicemail" || random() < 0.68 ? "inbound" : "outbound";
    const afterHours = secondOfDay >= 18 * 3600;
    const agentId = status === "missed" ? null : daysAgo > staffing.switchDay ? staffing.before : afterHours || random() < 0.3 ? staffing.backup : staffing.primary;
    const durationSeconds =
      status === "completed" ? Math.round(45 + -Math.log(1 - random()) * 240) : status === "voicemail" ? 15 + Math.floor(random() * 75) : status === "failed" ? Math.floor(random() * 6) : 0;
    const rated = status === "completed" && random() < 0.85;
    // Mostly happy callers, with a few low scores for staff to follow up.
    const satisfaction = rated ? [5, 5, 5, 4, 4, 4, 3, 2, 1][Math.floor(random() * 9)]! : null;
    const summary = pick(random, summaries[status]);
    const transcript = status === "completed" && random() < 0.12 ? pick(random, transcripts).join("\n") : null;
    const other = callerNumber(random);
    const line = pick(random, ownLines);
    rows.push({
      accountId,
      agentId,
      direction,
      status,
      fromNumber: direction === "inbound" ? other : line,
      toNumber: direction === "inbound" ? line : other,
      startedAt,
      durationSeconds,
      summary,
      transcript,
      satisfaction,
      cost: callCost(direction, durationSeconds),
      currency: "eur",
      platformCallId: `demo_${accountId.slice(0, 8)}_${String(index).padStart(5, "0")}`,
    });
  }
  return rows.sort((a, b) => new Date(a.startedAt).getTime() - new Date(b.startedAt).getTime());
}

/** 9 cents a started minute in, 14 out (the demo platform's price list). */
function callCost(direction: CallDirection, durationSeconds: number): number {
  return Math.ceil(durationSeconds / 60) * (direction === "inbound" ? 9 : 14);
}

/** How many recent calls get a recording, and how long each is (seconds). */
export const DEMO_RECORDING_SECONDS = [6, 4, 8, 5, 9, 7, 5, 6];

/**
 * Recordings for some of the newest answered calls: short WAVs, so those calls are as long as
 * their recordings (voicemails and quick calls), stored like the platform's uploads.
 */
async function attachRecordings(rows: NewCall[], accountId: string, db: Database): Promise<void> {
  const candidates = rows.filter((row) => row.status === "completed" || row.status === "voicemail").slice(-40);
  for (const [index, seconds] of DEMO_RECORDING_SECONDS.entries()) {
    const row = candidates[candidates.length - 1 - index * 5]!;
    const stored = await storeFile(toneWav(seconds, index + 1), { allowedTypes: recordingTypes, maxBytes: CALL_RECORDING_MAX_BYTES });
    const fileName = `call-${new Date(row.startedAt).toISOString().slice(0, 16).replace(/[-:T]/g, "")}.wav`;
    const [file] = await db.insert(storedFiles).values({ ...stored, purpose: "call_recording", fileName, accountId }).returning({ id: storedFiles.id });
    row.recordingFileId = file!.id;
    row.durationSeconds = seconds;
    row.cost = callCost(row.direction, seconds);
  }
}

async function insertAgents(db: Database): Promise<Map<string, string>> {
  const rows = await db
    .insert(agents)
    .values(demoAgents.map(({ key: _key, ...agent }) => ({ ...agent, createdAt: new Date(Date.now() - 200 * DAY) })))
    .returning({ id: agents.id, name: agents.name });
  return new Map(demoAgents.map((agent) => [agent.key, rows.find((row) => row.name === agent.name)!.id]));
}

/**
 * Agents, the demo customer's assignments (a primary and a backup, and a primary who left), their
 * agent and call requests, call preferences with recording consent, and about 3,000 calls; one other
 * customer gets an agent, a pending request and a few calls, so staff lists show two accounts.
 */
export async function seedDemoCalls(
  input: { accountId: string; customerId: string; staffId: string; otherAccountId: string | null; otherCustomerId?: string | null },
  db: Database,
): Promise<void> {
  const [existing] = await db.select({ value: count() }).from(calls).where(eq(calls.accountId, input.accountId));
  if ((existing?.value ?? 0) > 0) return;
  const agentIds = await insertAgents(db);
  const id = (key: string) => agentIds.get(key)!;
  const staffing = { before: id("jonas"), primary: id("mia"), backup: id("nova"), switchDay: 100 };
  const [, backup] = await db
    .insert(agentAssignments)
    .values([
      { accountId: input.accountId, agentId: staffing.before, role: "primary", startsOn: dayFromNow(-130), endsOn: dayFromNow(-101), createdById: input.staffId },
      { accountId: input.accountId, agentId: staffing.primary, role: "primary", startsOn: dayFromNow(-100), createdById: input.staffId },
      { accountId: input.accountId, agentId: staffing.backup, role: "backup", startsOn: dayFromNow(-100), createdById: input.staffId },
    ])
    .returning({ id: agentAssignments.id });
  const decided = { decidedById: input.staffId, requestedById: input.customerId, accountId: input.accountId };
  await db.insert(agentRequests).values([
    { ...decided, agentId: staffing.backup, language: "en", specialty: "After-hours", notes: "Someone to answer in the evenings and at weekends.", status: "approved", assignmentId: backup!.id, decidedAt: new Date(Date.now() - 100 * DAY), createdAt: new Date(Date.now() - 103 * DAY) },
    { ...decided, agentId: id("lucas"), language: "fr", specialty: "Sales", notes: "For a campaign to our French-speaking patients.", status: "declined", declineReason: "Lucas is fully booked until spring; we can offer Nova for French calls.", decidedAt: new Date(Date.now() - 40 * DAY), createdAt: new Date(Date.now() - 42 * DAY) },
    { accountId: input.accountId, requestedById: input.customerId, language: "de", specialty: "Billing", notes: "Our invoices questions pile up at the end of the month; a billing specialist two days a week would help.", createdAt: new Date(Date.now() - 2 * DAY) },
  ]);
  await db.insert(callPreferences).values({ accountId: input.accountId, recordingConsent: true, autoRecord: true, aiAssistance: true, callQuality: "hd", noiseCancellation: true, autoAnswer: false, updatedById: input.customerId });

  const rows = demoCallRows(input.accountId, staffing);
  await attachRecordings(rows, input.accountId, db);
  const requests = await db
    .insert(callRequests)
    .values([
      { accountId: input.accountId, requestedById: input.customerId, toNumber: "+4915112345678", agentId: staffing.primary, scheduledFor: tomorrowAt(9), notes: "Remind Mr. Krüger of his check-up and offer a later time if needed." },
      { accountId: input.accountId, requestedById: input.customerId, toNumber: "+493012345678", agentId: staffing.primary, notes: "Call the lab about the delayed crown.", status: "completed", createdAt: new Date(Date.now() - 3 * DAY), claimedAt: new Date(Date.now() - 3 * DAY + 60_000), completedAt: new Date(Date.now() - 3 * DAY + 10 * 60_000) },
    ])
    .returning({ id: callRequests.id, status: callRequests.status });
  // The completed request's call, as the platform reported it.
  rows.push({
    accountId: input.accountId,
    agentId: staffing.primary,
    direction: "outbound",
    status: "completed",
    fromNumber: ownLines[0]!,
    toNumber: "+493012345678",
    startedAt: new Date(Date.now() - 3 * DAY + 5 * 60_000),
    durationSeconds: 174,
    summary: "The lab confirmed the crown will be delivered on Wednesday.",
    satisfaction: 5,
    cost: callCost("outbound", 174),
    currency: "eur",
    platformCallId: `demo_${input.accountId.slice(0, 8)}_request`,
    callRequestId: requests.find((request) => request.status === "completed")!.id,
  });
  await insertCalls(rows, db);

  if (!input.otherAccountId) return;
  await db.insert(agentAssignments).values({ accountId: input.otherAccountId, agentId: id("aisha"), role: "primary", startsOn: dayFromNow(-60), createdById: input.staffId });
  await db.insert(agentRequests).values({ accountId: input.otherAccountId, requestedById: input.otherCustomerId ?? null, language: "en", specialty: "After-hours", notes: "We'd like an AI agent for the evenings.", createdAt: new Date(Date.now() - DAY) });
  const otherRows = demoCallRows(input.otherAccountId, { before: id("aisha"), primary: id("aisha"), backup: id("aisha"), switchDay: 60 }, 60)
    .filter((row) => new Date(row.startedAt).getTime() > Date.now() - 60 * DAY)
    .map((row) => ({ ...row, currency: "usd" }));
  await insertCalls(otherRows, db);
}

function tomorrowAt(hourUtc: number): Date {
  const date = new Date(Date.now() + DAY);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date;
}
