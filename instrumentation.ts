export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { prepareDatabase } = await import("@/db/prepare");
  const { appUrl } = await import("@/lib/env");
  await prepareDatabase(appUrl());
}
