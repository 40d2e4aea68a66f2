/** Today's calendar day where the user is: a milestone is overdue from the day after its due date there. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function isOverdue(milestone: { dueDate: string; completedAt: Date | null }, today: string): boolean {
  return milestone.completedAt === null && milestone.dueDate < today;
}
