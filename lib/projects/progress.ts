import type { ProjectStatus } from "@/lib/constants";

/**
 * A project's progress in percent, the one rule every page uses: the override staff set, else the
 * share of tasks done. A project without tasks counts as done only once it is completed.
 */
export function projectProgress(project: { status: ProjectStatus; progressOverride: number | null; tasksTotal: number; tasksDone: number }): number {
  if (project.progressOverride !== null) return project.progressOverride;
  if (project.tasksTotal === 0) return project.status === "completed" ? 100 : 0;
  return Math.round((project.tasksDone / project.tasksTotal) * 100);
}
