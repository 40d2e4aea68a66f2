import { expect, test, type Page } from "@playwright/test";
import { signedInAs } from "./helpers";
import { addTask, createProjectAsStaff, staffCreatesProject, uniqueProjectName } from "./projects";
import { e2eUsers } from "./users";

const customerEmail = e2eUsers.customer.email;

function taskTitles(page: Page) {
  return page.getByRole("list", { name: "Tasks in order" }).getByRole("listitem").evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")));
}

test("staff set up a project, reorder its tasks, complete a milestone, post an update, add a document and change its status; the customer sees it all and is notified", async ({ browser }) => {
  const name = uniqueProjectName("Relaunch");
  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  const id = await createProjectAsStaff(page, { customerEmail, name });

  await addTask(page, "Wireframes");
  await addTask(page, "Visual design");
  await addTask(page, "Build");
  await page.getByRole("listitem", { name: "Task 3: Build" }).getByRole("button", { name: "Move up" }).click();
  await expect(page.getByTestId("form-message").filter({ hasText: "The task has been moved up." })).toBeVisible();
  expect(await taskTitles(page)).toEqual(["Task 1: Wireframes", "Task 2: Build", "Task 3: Visual design"]);
  await page.getByRole("listitem", { name: "Task 1: Wireframes" }).getByRole("button", { name: "Move down" }).click();
  await expect.poll(() => taskTitles(page)).toEqual(["Task 1: Build", "Task 2: Wireframes", "Task 3: Visual design"]);
  const wireframes = page.getByRole("listitem", { name: "Task 2: Wireframes" });
  await wireframes.getByLabel("State").selectOption({ label: "Done" });
  await wireframes.getByRole("button", { name: "Save task" }).click();
  await expect(wireframes.getByTestId("form-message")).toHaveText("The task has been saved.");

  // Bad input is refused next to its field and adds nothing.
  const newMilestone = page.getByRole("form", { name: "Add milestone" });
  await newMilestone.getByRole("button", { name: "Add milestone" }).click();
  await expect(newMilestone.getByText("Enter a title.")).toBeVisible();
  await expect(newMilestone.getByText("Enter the due date.")).toBeVisible();
  for (const [title, due] of [
    ["Design approved", "2026-03-02"],
    ["Soft launch", "2026-01-15"],
  ] as const) {
    await newMilestone.getByLabel("New milestone").fill(title);
    await newMilestone.getByLabel("Due date").fill(due);
    await newMilestone.getByRole("button", { name: "Add milestone" }).click();
    await expect(page.getByRole("listitem", { name: title })).toBeVisible();
  }
  await page.getByRole("listitem", { name: "Design approved" }).getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByTestId("form-message").filter({ hasText: "The milestone is done" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Design approved" }).getByRole("button", { name: "Reopen" })).toBeVisible();

  await page.getByLabel("New update").fill("The first designs are ready for your review.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByTestId("form-message").filter({ hasText: "The update has been posted" })).toBeVisible();

  await page.getByLabel("Title", { exact: true }).fill("Style guide");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "style-guide.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n") });
  await expect(page.getByRole("button", { name: "Remove style-guide.pdf" })).toBeVisible();
  await expect(page.getByText("Uploading…")).toHaveCount(0);
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page.getByRole("list", { name: "Documents" }).getByRole("link", { name: "Style guide" })).toBeVisible();

  await page.getByLabel("Status", { exact: true }).selectOption({ label: "In progress" });
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByTestId("form-message").filter({ hasText: "The status has been changed" })).toBeVisible();
  await staff.close();

  const customer = await signedInAs(browser, "customer");
  const view = await customer.newPage();
  await view.goto("/dashboard/notifications");
  await expect(view.getByText(`“${name}” is now in progress`)).toBeVisible();
  await view.goto(`/dashboard/projects?query=${encodeURIComponent(name)}`);
  const card = view.getByRole("list", { name: "Your projects" }).getByRole("listitem");
  await expect(card).toHaveCount(1);
  await expect(card.getByText("In progress")).toBeVisible();
  await expect(card.getByRole("progressbar", { name: `Progress of ${name}` })).toHaveAttribute("aria-valuenow", "33");
  await expect(card.getByText("Soft launch · Jan 15, 2026")).toBeVisible();
  await card.getByRole("link", { name }).click();

  await expect(view).toHaveURL(new RegExp(`/dashboard/projects/${id}$`));
  await expect(view.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(view.getByRole("region", { name: "Done (1)" }).getByText("Wireframes")).toBeVisible();
  await expect(view.getByRole("region", { name: "To do (2)" }).getByRole("listitem")).toHaveText(["Build", "Visual design"]);
  const milestones = view.getByRole("region", { name: "Milestones" });
  await expect(milestones.getByRole("listitem").filter({ hasText: "Soft launch" }).getByText("Overdue")).toBeVisible();
  await expect(milestones.getByRole("listitem").filter({ hasText: "Design approved" }).getByText("Done", { exact: true })).toBeVisible();
  const updates = view.getByRole("region", { name: "Updates" });
  await expect(updates.getByText("The first designs are ready for your review.")).toBeVisible();
  await expect(updates.getByText(e2eUsers.admin.name)).toBeVisible();
  const document = view.getByRole("region", { name: "Documents" }).getByRole("link", { name: "Style guide" });
  const download = await customer.request.get((await document.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("application/pdf");
  await expect(view.getByRole("region", { name: "Your feedback" }), "only a completed project can be rated").toHaveCount(0);
  await customer.close();
});

test("a customer rates a completed project and changes the rating later; staff see it", async ({ browser }) => {
  const name = uniqueProjectName("Brand book");
  const id = await staffCreatesProject(browser, { customerEmail, name, status: "Completed" });
  const customer = await signedInAs(browser, "customer");
  const page = await customer.newPage();
  await page.goto("/dashboard/projects?status=completed");
  await page.getByRole("link", { name }).click();
  const feedback = page.getByRole("region", { name: "Your feedback" });
  await feedback.getByRole("button", { name: "Send rating" }).click();
  await expect(feedback.getByText("Choose 1 to 5 stars.")).toBeVisible();
  await feedback.locator("label").filter({ hasText: "4 stars" }).click();
  await feedback.getByLabel("Comment (optional)").fill("Clear and on time.");
  await feedback.getByRole("button", { name: "Send rating" }).click();
  await expect(feedback.getByTestId("form-message")).toHaveText("Thank you! Your rating has been saved.");
  await page.reload();
  await expect(feedback.getByRole("radio", { name: "4 stars" })).toBeChecked();
  // The stars are in reading order: the arrow to the right means one more.
  await feedback.getByRole("radio", { name: "4 stars" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(feedback.getByRole("radio", { name: "3 stars" })).toBeChecked();
  await feedback.locator("label").filter({ hasText: "5 stars" }).click();
  await feedback.getByRole("button", { name: "Update rating" }).click();
  await expect(feedback.getByTestId("form-message")).toHaveText("Thank you! Your rating has been saved.");
  await customer.close();

  const staff = await signedInAs(browser, "admin");
  const editor = await staff.newPage();
  await editor.goto(`/admin/projects/${id}`);
  const rating = editor.getByRole("region", { name: "Customer's rating" });
  await expect(rating.getByText("5 stars")).toBeAttached();
  await expect(rating.getByText("Clear and on time.")).toBeVisible();
  await expect(rating.getByText(`By ${e2eUsers.customer.name}`)).toBeVisible();
  await staff.close();
});

test("the staff projects table searches, filters by status and customer, and sorts, with its state in the URL", async ({ browser }) => {
  const marker = uniqueProjectName("Tabletest");
  for (const [suffix, status] of [["A", "Planned"], ["B", "On hold"], ["C", "On hold"]] as const) {
    await staffCreatesProject(browser, { customerEmail, name: `${marker} ${suffix}`, status });
  }
  const staff = await signedInAs(browser, "admin");
  const page = await staff.newPage();
  await page.goto("/admin/projects");
  await page.getByLabel("Search by name").fill(marker);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "On hold" });
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: e2eUsers.customer.name });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=on_hold/);
  const names = () => page.getByRole("table").locator("tbody tr td:first-child a").allInnerTexts();
  await expect.poll(names).toEqual([`${marker} C`, `${marker} B`]);
  await page.getByRole("button", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort=name&direction=asc/);
  await expect.poll(names).toEqual([`${marker} B`, `${marker} C`]);
  await page.reload();
  await expect.poll(names).toEqual([`${marker} B`, `${marker} C`]);
  await staff.close();
});

test("at 375 px the customer's and the staff's project pages fit the screen", async ({ browser }) => {
  const name = uniqueProjectName("Phone");
  const id = await staffCreatesProject(browser, { customerEmail, name, status: "In progress" }, async (page) => {
    await addTask(page, "A task with a rather long title that has to wrap on a narrow phone screen");
  });
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  for (const role of ["customer", "admin"] as const) {
    const context = await signedInAs(browser, role, { viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    const urls = role === "customer" ? ["/dashboard/projects", `/dashboard/projects/${id}`] : ["/admin/projects", `/admin/projects/${id}`, "/admin/projects/new"];
    for (const url of urls) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await overflow(page), `${role} ${url}`).toBeLessThanOrEqual(0);
    }
    await context.close();
  }
});
