import { describe, expect, it } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import de from "@/lib/i18n/messages/de.json";
import en from "@/lib/i18n/messages/en.json";
import { activityTypes, type ActivityType } from "./types";

// Params as the recording services write them (money and durations already turned into text by the list).
const samples: Record<ActivityType, Record<string, string | number>> = {
  "project.statusChanged": { project: "Relaunch", status: "on_hold" },
  "project.updatePosted": { project: "Relaunch" },
  "project.milestoneReached": { project: "Relaunch", milestone: "Launch" },
  "project.deliverableAdded": { project: "Relaunch", title: "Handover" },
  "message.received": { subject: "Photos" },
  "message.sent": { subject: "Photos" },
  "invoice.issued": { number: "INV-2026-0001", amount: "€12.50" },
  "invoice.paid": { number: "INV-2026-0001", amount: "€12.50" },
  "payment.failed": { number: "INV-2026-0001", amount: "€12.50" },
  "subscription.changed": { plan: "Starter", change: "canceling" },
  "call.completed": { direction: "outbound", status: "missed", number: "+4930123", duration: "1:05", low: "false" },
  "agent.assigned": { agent: "Mia" },
  "agent.assignmentEnded": { agent: "Mia" },
  "agentRequest.approved": { kind: "change", agent: "Mia" },
  "agentRequest.declined": { kind: "additional" },
  "security.signedIn": { device: "Safari · iOS" },
  "security.passwordChanged": {},
  "security.passwordReset": {},
  "security.emailChanged": { email: "new@example.com" },
  "security.twoFactorEnabled": {},
  "security.twoFactorDisabled": { byStaff: "true" },
  "security.sessionsRevoked": { count: 3, byStaff: "false" },
  "security.apiTokenCreated": { name: "CRM sync" },
  "security.apiTokenRevoked": { name: "CRM sync", byStaff: "true" },
};

const choices = ["status", "change", "direction", "kind", "byStaff", "low"];

describe("the timeline's messages", () => {
  it("say every kind of entry in English and German, with its details filled in", () => {
    for (const [locale, messages] of [["en", en], ["de", de]] as const) {
      const errors: unknown[] = [];
      const t = createTranslator({ locale, messages: messages as AbstractIntlMessages, namespace: "activity", onError: (error) => errors.push(error) });
      for (const type of Object.keys(activityTypes) as ActivityType[]) {
        const text = t(`types.${type}` as never, samples[type] as never);
        expect({ locale, type, text, errors }).toMatchObject({ errors: [] });
        expect(text, `${locale} ${type}`).not.toMatch(/[{}]|activity\.types/);
        // Choices (status, change, …) pick words; every other detail appears as given.
        for (const [key, value] of Object.entries(samples[type])) if (!choices.includes(key) && typeof value === "string") expect(text).toContain(value);
      }
    }
  });
});
