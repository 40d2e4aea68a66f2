import "server-only";
import { createAuditEntry } from "@/db/queries/audit";
import { getCustomerAccount } from "@/db/queries/accounts";
import { insertProject, listAccountMemberIds } from "@/db/queries/projects";
import { inTransaction, type Transaction } from "@/db/queries/transaction";
import type { Actor } from "@/lib/actor";
import type { ProjectStatus } from "@/lib/constants";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import type { RequestInfo } from "@/lib/request-info";
import { assertStaff } from "@/lib/users/service";

export type ProjectInput = {
  accountId: string;
  name: string;
  description: string;
  status: ProjectStatus;
  startDate: string | null;
  dueDate: string | null;
};

/** Staff set up a project for a customer account; its members are told. */
export async function createProject(admin: Actor, input: ProjectInput, info: RequestInfo, db?: Transaction): Promise<{ id: string }> {
  assertStaff(admin);
  return inTransaction(async (tx) => {
    if (!(await getCustomerAccount(input.accountId, tx))) throw new AppError("not_found", "That customer does not exist.");
    const project = await insertProject({ ...input, createdById: admin.id }, tx);
    await createAuditEntry(
      { action: "admin.project_created", actorId: admin.id, ip: info.ip, userAgent: info.userAgent, metadata: { projectId: project.id, accountId: input.accountId, name: input.name } },
      tx,
    );
    for (const userId of await listAccountMemberIds(input.accountId, tx)) {
      await notify(userId, { type: "project.created", params: { project: input.name }, link: `/dashboard/projects/${project.id}` }, tx);
    }
    return project;
  }, db);
}
