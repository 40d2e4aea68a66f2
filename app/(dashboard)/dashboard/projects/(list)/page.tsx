import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AreaEmptyState } from "@/components/area-empty-state";
import { requireUser } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("projects") };
}

export default async function ProjectsPage() {
  await requireUser();
  return <AreaEmptyState area="projects" />;
}
