import "server-only";
import { apiUrl, type WebhookEventData } from "./emit";

/**
 * What each event's `data` holds: the object's id, its state, amounts in minor units with their
 * currency, ISO dates and `url`, its address in the JSON API. One builder per object, so the same
 * object looks the same in every event and every caller.
 */
const iso = (value: Date | string | null | undefined) => (value == null ? null : new Date(value).toISOString());

export function callEventData(call: {
  id: string;
  direction: string;
  status: string;
  fromNumber: string;
  toNumber: string;
  startedAt: Date | string;
  durationSeconds: number;
  agentId?: string | null;
  satisfaction?: number | null;
  cost?: number;
  currency: string;
}): WebhookEventData {
  return {
    id: call.id,
    direction: call.direction,
    status: call.status,
    fromNumber: call.fromNumber,
    toNumber: call.toNumber,
    startedAt: iso(call.startedAt),
    durationSeconds: call.durationSeconds,
    agentId: call.agentId ?? null,
    satisfaction: call.satisfaction ?? null,
    cost: { amount: call.cost ?? 0, currency: call.currency },
    url: apiUrl(`/calls/${call.id}`),
  };
}

export function invoiceEventData(invoice: { id: string; number: string; status: string; currency: string; total: number; amountPaid: number; dueDate: string; projectId?: string | null }): WebhookEventData {
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    total: { amount: invoice.total, currency: invoice.currency },
    amountPaid: { amount: invoice.amountPaid, currency: invoice.currency },
    dueDate: invoice.dueDate,
    projectId: invoice.projectId ?? null,
    url: apiUrl(`/invoices/${invoice.id}`),
  };
}

export function paymentFailedEventData(
  invoice: { id: string; number: string; currency: string },
  payment: { id: string; amount: number; failureMessage?: string | null; occurredAt: Date },
): WebhookEventData {
  return {
    id: payment.id,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    amount: { amount: payment.amount, currency: invoice.currency },
    failureMessage: payment.failureMessage ?? null,
    occurredAt: iso(payment.occurredAt),
    url: apiUrl(`/invoices/${invoice.id}`),
  };
}

export function projectStatusEventData(project: { id: string; name: string }, from: string, to: string): WebhookEventData {
  return { id: project.id, name: project.name, from, to, status: to, url: apiUrl(`/projects/${project.id}`) };
}

export function milestoneEventData(project: { id: string; name: string }, milestone: { id: string; title: string; dueDate: string }, completedAt: Date): WebhookEventData {
  return {
    id: milestone.id,
    title: milestone.title,
    dueDate: milestone.dueDate,
    completedAt: iso(completedAt),
    project: { id: project.id, name: project.name },
    url: apiUrl(`/projects/${project.id}`),
  };
}

export function messageEventData(thread: { id: string; subject: string }, message: { id: string; createdAt?: Date | null; attachmentCount?: number }): WebhookEventData {
  return {
    id: message.id,
    threadId: thread.id,
    subject: thread.subject,
    createdAt: iso(message.createdAt ?? new Date()),
    url: apiUrl(`/messages/threads/${thread.id}`),
  };
}

export function subscriptionEventData(subscription: {
  status: string;
  planId: string;
  planName: string;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
}): WebhookEventData {
  return {
    status: subscription.status,
    plan: { id: subscription.planId, name: subscription.planName },
    currentPeriodStart: iso(subscription.currentPeriodStart),
    currentPeriodEnd: iso(subscription.currentPeriodEnd),
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    canceledAt: iso(subscription.canceledAt),
    url: apiUrl("/subscription"),
  };
}
