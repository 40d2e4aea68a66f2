import "server-only";
import { createEvents, type DateArray, type EventAttributes } from "ics";

export type CalendarEntries = {
  milestones: { id: string; title: string; dueDate: string; completedAt: Date | null; projectId: string; projectName: string }[];
  dueDates: { projectId: string; projectName: string; dueDate: string }[];
};

export type CalendarTexts = {
  calendarName: string;
  milestoneDone: string;
  milestoneOpen: string;
  projectDue: (project: string) => string;
};

function day(date: string): DateArray {
  const [year, month, dayOfMonth] = date.split("-").map(Number);
  return [year!, month!, dayOfMonth!];
}

/** All-day events end on the next day (DTEND is exclusive). */
function nextDay(date: string): DateArray {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

/**
 * The feed as iCalendar text: milestones and project due dates as all-day events. UIDs are stable,
 * so a calendar that fetches the feed again updates its events instead of adding copies.
 */
export function buildCalendar(entries: CalendarEntries, texts: CalendarTexts, baseUrl: string): string {
  const events: EventAttributes[] = [
    ...entries.milestones.map((milestone) => ({
      uid: `milestone-${milestone.id}@clientdesk`,
      start: day(milestone.dueDate),
      end: nextDay(milestone.dueDate),
      title: `${milestone.projectName} — ${milestone.title}`,
      description: milestone.completedAt ? texts.milestoneDone : texts.milestoneOpen,
      url: `${baseUrl}/dashboard/projects/${milestone.projectId}`,
    })),
    ...entries.dueDates.map((project) => ({
      uid: `project-due-${project.projectId}@clientdesk`,
      start: day(project.dueDate),
      end: nextDay(project.dueDate),
      title: texts.projectDue(project.projectName),
      url: `${baseUrl}/dashboard/projects/${project.projectId}`,
    })),
  ];
  const { error, value } = createEvents(events, { productId: "-//Clientdesk//Calendar feed//EN", calName: texts.calendarName });
  if (error || !value) throw error ?? new Error("The calendar could not be built.");
  return value;
}
