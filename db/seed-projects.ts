import sharp from "sharp";
import type { Database } from "@/db";
import {
  messageAttachments,
  messages,
  messageThreadReads,
  messageThreads,
  projectDeliverables,
  projectMilestones,
  projectRatings,
  projectRequestAttachments,
  projectRequests,
  projects,
  projectTasks,
  projectUpdates,
  storedFiles,
  type StoredFilePurpose,
} from "@/db/schema";
import type { ProjectStatus, TaskState } from "@/lib/constants";
import { ATTACHMENT_MAX_BYTES } from "@/lib/constants";
import { storeFile } from "@/lib/storage";
import { attachmentTypes, detectAttachmentType } from "@/lib/uploads/types";

const DAY = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);
/** A calendar day relative to today, as the `date` columns keep it. */
const dayFromNow = (days: number) => daysFromNow(days).toISOString().slice(0, 10);

/** A real one-page PDF with a line of text, built with correct byte offsets so every viewer opens it. */
export function tinyPdf(text: string): Buffer {
  const escaped = text.replace(/[\\()]/g, (character) => `\\${character}`);
  const stream = `BT /F1 18 Tf 72 720 Td (${escaped}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

async function tinyPng(color: string): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 200, channels: 3, background: color } }).png().toBuffer();
}

async function storeDemoFile(
  file: { name: string; bytes: Buffer },
  owner: { purpose: StoredFilePurpose; accountId: string; userId: string | null },
  db: Database,
): Promise<string> {
  const stored = await storeFile(file.bytes, { allowedTypes: attachmentTypes, maxBytes: ATTACHMENT_MAX_BYTES, detect: (head) => detectAttachmentType(head, file.name) });
  const [row] = await db
    .insert(storedFiles)
    .values({ ...stored, purpose: owner.purpose, fileName: file.name, ownerUserId: owner.userId, accountId: owner.accountId })
    .returning({ id: storedFiles.id });
  return row!.id;
}

type DemoProject = {
  name: string;
  description: string;
  status: ProjectStatus;
  start: number;
  due: number;
  progressOverride?: number;
  tasks: [string, TaskState][];
  milestones: [string, number, boolean][];
  updates: [string, number][];
  deliverables?: string[];
  rating?: [number, string];
};

const demoProjects: DemoProject[] = [
  {
    name: "Website relaunch",
    description: "A new, faster website for the practice: online booking, treatment pages in English and German, and a patient FAQ.",
    status: "in_progress",
    start: -40,
    due: 25,
    tasks: [
      ["Sitemap and content plan", "done"],
      ["Design concept", "done"],
      ["Booking widget integration", "in_progress"],
      ["Treatment pages", "in_progress"],
      ["Patient FAQ", "todo"],
      ["Launch checklist", "todo"],
    ],
    milestones: [
      ["Design approved", -20, true],
      ["Content delivered", -2, false],
      ["Beta site for review", 5, false],
      ["Go live", 25, false],
    ],
    updates: [
      ["The booking widget talks to your calendar now; we are testing cancellations next.", -1],
      ["Design concept approved — thank you for the quick feedback.", -20],
      ["Kick-off done: sitemap and content plan are in the documents.", -38],
    ],
    deliverables: ["Sitemap and content plan.pdf", "Design concept.pdf"],
  },
  {
    name: "Patient reminder emails",
    description: "Automated appointment reminders and recall emails, written in the practice's voice.",
    status: "planned",
    start: 14,
    due: 45,
    tasks: [
      ["Collect reminder texts", "todo"],
      ["Set up sending domain", "todo"],
    ],
    milestones: [["Texts approved", 21, false]],
    updates: [["Scheduled to start after the website goes live.", -3]],
  },
  {
    name: "Local SEO audit",
    description: "An audit of search listings, reviews and the Google Business profile for both practice locations.",
    status: "completed",
    start: -90,
    due: -50,
    tasks: [
      ["Listing audit", "done"],
      ["Review strategy", "done"],
      ["Report", "done"],
    ],
    milestones: [
      ["Audit finished", -60, true],
      ["Report presented", -50, true],
    ],
    updates: [
      ["The final report is in the documents. Thank you for a great collaboration!", -50],
      ["Audit finished; report in progress.", -60],
    ],
    deliverables: ["SEO audit report.pdf"],
    rating: [5, "Clear report and practical next steps."],
  },
  {
    name: "Brand photo shoot",
    description: "Team and practice photos for the website and social media.",
    status: "on_hold",
    start: -10,
    due: 30,
    progressOverride: 20,
    tasks: [
      ["Shot list", "done"],
      ["Book photographer", "todo"],
    ],
    milestones: [["Shoot day", 12, false]],
    updates: [["On hold until the new treatment room is finished.", -4]],
  },
  {
    name: "Print brochure",
    description: "A printed brochure for the waiting room.",
    status: "cancelled",
    start: -70,
    due: -30,
    tasks: [["Brochure outline", "done"]],
    milestones: [],
    updates: [["Cancelled at your request: the content moves to the website's FAQ instead.", -45]],
  },
];

/**
 * The demo customer's projects in every status, with tasks, milestones, updates, documents and a
 * rating; their threads with small real attachments; and requests in every state.
 */
export async function seedDemoProjects(input: { accountId: string; customerId: string; staffId: string }, db: Database): Promise<void> {
  const { accountId, customerId, staffId } = input;
  const projectIds: Record<string, string> = {};
  for (const demo of demoProjects) {
    const [project] = await db
      .insert(projects)
      .values({
        accountId,
        name: demo.name,
        description: demo.description,
        status: demo.status,
        progressOverride: demo.progressOverride ?? null,
        startDate: dayFromNow(demo.start),
        dueDate: dayFromNow(demo.due),
        createdById: staffId,
        createdAt: daysFromNow(demo.start - 5),
        updatedAt: daysFromNow(Math.max(...demo.updates.map(([, days]) => days))),
      })
      .returning({ id: projects.id });
    const projectId = project!.id;
    projectIds[demo.name] = projectId;
    if (demo.tasks.length > 0) {
      await db.insert(projectTasks).values(demo.tasks.map(([title, state], position) => ({ projectId, title, state, position, completedAt: state === "done" ? daysFromNow(demo.start + position + 1) : null })));
    }
    if (demo.milestones.length > 0) {
      await db.insert(projectMilestones).values(demo.milestones.map(([title, due, done]) => ({ projectId, title, dueDate: dayFromNow(due), completedAt: done ? daysFromNow(due) : null })));
    }
    await db.insert(projectUpdates).values(demo.updates.map(([body, days]) => ({ projectId, authorId: staffId, body, createdAt: daysFromNow(days) })));
    for (const title of demo.deliverables ?? []) {
      const fileId = await storeDemoFile({ name: title, bytes: tinyPdf(`${demo.name}: ${title.replace(/\.pdf$/, "")}`) }, { purpose: "deliverable", accountId, userId: staffId }, db);
      await db.insert(projectDeliverables).values({ projectId, fileId, title: title.replace(/\.pdf$/, ""), uploadedById: staffId, createdAt: daysFromNow(demo.updates.at(-1)![1]) });
    }
    if (demo.rating) await db.insert(projectRatings).values({ projectId, userId: customerId, rating: demo.rating[0], comment: demo.rating[1] });
  }

  await seedDemoThread(
    { accountId, customerId, staffId, projectId: projectIds["Website relaunch"]!, subject: "Photos for the treatment pages" },
    [
      { fromStaff: false, body: "Here are the photos of the two treatment rooms for the new pages.", days: -3, files: [{ name: "treatment-room.png", bytes: await tinyPng("#5b8def") }] },
      { fromStaff: true, body: "Thank you! They work well. Here is the layout with your photos placed — let us know if the crops are fine.", days: -2, files: [{ name: "Treatment page layout.pdf", bytes: tinyPdf("Treatment page layout") }] },
    ],
    db,
  );
  await seedDemoThread(
    { accountId, customerId, staffId, projectId: null, subject: "Opening hours over the holidays" },
    [
      { fromStaff: false, body: "We are closed from 24 to 26 December. Can the website show a banner for that?", days: -6, files: [{ name: "holiday-hours.txt", bytes: Buffer.from("Closed 24–26 December.\nEmergency line: +49 30 1234567\n") }] },
      { fromStaff: true, body: "Of course — the banner will go live on 15 December and disappear on the 27th.", days: -5, files: [] },
    ],
    db,
    { customerRead: true },
  );
  await seedDemoThread(
    { accountId, customerId, staffId, projectId: null, subject: "Question about the booking widget" },
    [{ fromStaff: false, body: "Can patients choose a specific dentist when they book online?", days: -1, files: [] }],
    db,
    { customerRead: true },
  );

  const requests = [
    { title: "Online shop for dental care products", goals: "Sell toothbrushes, floss and whitening kits to our patients online.", scope: "About 40 products, pickup at the practice or shipping within Germany.", budgetRange: "15k_50k" as const, status: "submitted" as const, days: -2 },
    { title: "Staff training videos", goals: "Short videos that show new staff our hygiene routines.", scope: "Five videos of about three minutes.", budgetRange: "5k_15k" as const, status: "in_review" as const, days: -8 },
    { title: "Local SEO audit", goals: "Find out why the second location does not show up in local search.", scope: "Both locations.", budgetRange: "under_5k" as const, status: "converted" as const, days: -100, projectId: projectIds["Local SEO audit"] },
    { title: "Mobile app", goals: "An app for booking and reminders.", scope: "iOS and Android.", budgetRange: "over_50k" as const, status: "declined" as const, days: -30, declineReason: "The new website's booking works on every phone; an app would duplicate it for now. Let us revisit next year." },
  ];
  for (const request of requests) {
    const decided = request.status === "converted" || request.status === "declined";
    const [row] = await db
      .insert(projectRequests)
      .values({
        accountId,
        submittedById: customerId,
        title: request.title,
        goals: request.goals,
        scope: request.scope,
        budgetRange: request.budgetRange,
        desiredDeadline: dayFromNow(request.days + 60),
        contactPreference: "email",
        status: request.status,
        declineReason: request.declineReason ?? null,
        projectId: request.projectId ?? null,
        reviewedById: request.status === "submitted" ? null : staffId,
        decidedAt: decided ? daysFromNow(request.days + 3) : null,
        createdAt: daysFromNow(request.days),
        updatedAt: daysFromNow(request.days + (decided ? 3 : 0)),
      })
      .returning({ id: projectRequests.id });
    if (request.status === "submitted") {
      const fileId = await storeDemoFile({ name: "product-list.txt", bytes: Buffer.from("Toothbrushes (3 kinds)\nFloss\nWhitening kit\nInterdental brushes\n") }, { purpose: "request_attachment", accountId, userId: customerId }, db);
      await db.insert(projectRequestAttachments).values({ requestId: row!.id, fileId });
    }
  }
}

type DemoMessage = { fromStaff: boolean; body: string; days: number; files: { name: string; bytes: Buffer }[] };

async function seedDemoThread(
  thread: { accountId: string; customerId: string; staffId: string; projectId: string | null; subject: string },
  conversation: DemoMessage[],
  db: Database,
  options: { customerRead?: boolean } = {},
): Promise<void> {
  const last = (fromStaff?: boolean) => {
    const times = conversation.filter((message) => fromStaff === undefined || message.fromStaff === fromStaff).map((message) => daysFromNow(message.days));
    return times.length > 0 ? times.at(-1)! : null;
  };
  const [row] = await db
    .insert(messageThreads)
    .values({
      accountId: thread.accountId,
      projectId: thread.projectId,
      subject: thread.subject,
      createdById: conversation[0]!.fromStaff ? thread.staffId : thread.customerId,
      lastMessageAt: last()!,
      lastStaffMessageAt: last(true),
      lastCustomerMessageAt: last(false),
      createdAt: daysFromNow(conversation[0]!.days),
    })
    .returning({ id: messageThreads.id });
  const threadId = row!.id;
  for (const message of conversation) {
    const authorId = message.fromStaff ? thread.staffId : thread.customerId;
    const [saved] = await db.insert(messages).values({ threadId, authorId, fromStaff: message.fromStaff, body: message.body, createdAt: daysFromNow(message.days) }).returning({ id: messages.id });
    for (const [position, file] of message.files.entries()) {
      const fileId = await storeDemoFile(file, { purpose: "message_attachment", accountId: thread.accountId, userId: authorId }, db);
      await db.insert(messageAttachments).values({ messageId: saved!.id, fileId, position });
    }
  }
  // Staff have read what the customer wrote except the newest question; the customer has an unread reply waiting unless told otherwise.
  const reads = [{ threadId, userId: thread.staffId, readAt: conversation.at(-1)!.fromStaff ? daysFromNow(conversation.at(-1)!.days) : daysFromNow(conversation.at(-1)!.days - 1) }];
  if (options.customerRead) reads.push({ threadId, userId: thread.customerId, readAt: last()! });
  await db.insert(messageThreadReads).values(reads);
}

const otherProjectNames = ["Website refresh", "Newsletter setup", "Brand guidelines", "Online booking", "Social media kit", "Intranet migration"];
const otherStatuses: ProjectStatus[] = ["in_progress", "planned", "completed", "in_progress", "on_hold", "in_progress"];

/** One or two projects for another customer, so the staff table spans customers and statuses. */
export async function seedOtherCustomerProjects(input: { accountId: string; staffId: string; index: number }, db: Database): Promise<void> {
  const count = input.index % 2 === 0 ? 2 : 1;
  for (let offset = 0; offset < count; offset++) {
    const which = (input.index + offset) % otherProjectNames.length;
    const [project] = await db
      .insert(projects)
      .values({
        accountId: input.accountId,
        name: otherProjectNames[which]!,
        description: "Seeded for the demo.",
        status: otherStatuses[which]!,
        startDate: dayFromNow(-30 + input.index),
        dueDate: dayFromNow(20 + input.index * 3),
        createdById: input.staffId,
        updatedAt: daysFromNow(-input.index),
      })
      .returning({ id: projects.id });
    await db.insert(projectTasks).values([
      { projectId: project!.id, title: "Kick-off", state: "done", position: 0, completedAt: daysFromNow(-25) },
      { projectId: project!.id, title: "First draft", state: otherStatuses[which] === "completed" ? "done" : "in_progress", position: 1 },
      { projectId: project!.id, title: "Review", state: otherStatuses[which] === "completed" ? "done" : "todo", position: 2 },
    ]);
    await db.insert(projectMilestones).values({ projectId: project!.id, title: "Delivery", dueDate: dayFromNow(10 + input.index) });
  }
}
