import { expect, test, type Browser } from "@playwright/test";
import messages from "@/lib/i18n/messages/en.json" with { type: "json" };
import { addTask, staffCreatesProject, uniqueProjectName } from "./projects";
import { expectNoCrossUserAccess, twoCustomers, type OwnedResource } from "./security/cross-user";

/**
 * A completed project staff set up for the owner's account, with a task and a document only it
 * shows: its page, its document, the owner's lists and the rating action are the owner's alone.
 */
const projectsIn = (browser: Browser): OwnedResource => ({
  name: "projects",
  async create(owner) {
    const name = uniqueProjectName("Owner's confidential project");
    const task = "Migrate the owner's secret archive";
    const id = await staffCreatesProject(browser, { customerEmail: owner.email, name, status: "Completed" }, async (page) => {
      await addTask(page, task);
      await page.getByLabel("Title", { exact: true }).fill("Owner's contract");
      await page.getByLabel("File", { exact: true }).setInputFiles({ name: "contract.txt", mimeType: "text/plain", buffer: Buffer.from("Terms only the owner may read.\n") });
      await expect(page.getByRole("button", { name: "Remove contract.txt" })).toBeVisible();
      await expect(page.getByText("Uploading…")).toHaveCount(0);
      await page.getByRole("button", { name: "Add document" }).click();
      await expect(page.getByRole("list", { name: "Documents" }).getByRole("link", { name: "Owner's contract" })).toBeVisible();
    });
    const html = await (await owner.context.request.get(`/dashboard/projects/${id}`)).text();
    const canaries = [name, task, "Owner&#x27;s contract"];
    for (const canary of canaries) expect(html, "the owner sees the project").toContain(canary);
    fileIds.set(id, /\/api\/files\/([0-9a-f-]{36})/.exec(html)![1]!);
    return { id, canaries: [name, task, "Owner's contract", "Terms only the owner may read."] };
  },
  pages: (id) => [`/dashboard/projects/${id}`],
  lists: ["/dashboard/projects", "/dashboard/projects?status=completed", "/dashboard"],
  actions: [{ name: "rateProjectAction", fields: (id) => ({ projectId: id, rating: "1", comment: "Intruder's review" }), refusal: messages.errors.not_found }],
  routes: (id) => [`/api/files/${fileIds.get(id)}`],
  async ownerView(owner, id) {
    const page = await owner.context.request.get(`/dashboard/projects/${id}`);
    const html = await page.text();
    return { status: page.status(), rated: html.includes("Update rating"), review: html.includes("Intruder"), file: (await owner.context.request.get(`/api/files/${fileIds.get(id)}`)).status() };
  },
});

const fileIds = new Map<string, string>();

test("a customer can neither see, rate nor download from another customer's project", async ({ browser }) => {
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(projectsIn(browser), customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});
