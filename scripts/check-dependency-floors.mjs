// The lowest versions we accept of packages with published security advisories below them. It reads
// what is installed, not what package.json asks for, so a stale lock file or node_modules fails too.
import fs from "node:fs";
import path from "node:path";

export const floors = {
  next: "16.3.3",
  react: "19.2.6",
  "react-dom": "19.2.6",
  "next-auth": "5.0.0-beta.32",
  "drizzle-orm": "0.45.2",
  sharp: "0.35.0",
};

/** Semantic-version order, including pre-releases ("5.0.0-beta.9" < "5.0.0-beta.32" < "5.0.0"). */
export function compareVersions(a, b) {
  const [coreA, preA] = a.split("+")[0].split(/-(.*)/s);
  const [coreB, preB] = b.split("+")[0].split(/-(.*)/s);
  const partsA = coreA.split(".").map(Number);
  const partsB = coreB.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((partsA[i] ?? 0) !== (partsB[i] ?? 0)) return (partsA[i] ?? 0) - (partsB[i] ?? 0);
  if (!preA || !preB) return (preA ? -1 : 0) - (preB ? -1 : 0);
  const idsA = preA.split(".");
  const idsB = preB.split(".");
  for (let i = 0; i < Math.max(idsA.length, idsB.length); i++) {
    const x = idsA[i];
    const y = idsB[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    return numeric ? Number(x) - Number(y) : x < y ? -1 : 1;
  }
  return 0;
}

function installedVersion(name) {
  const file = path.resolve("node_modules", name, "package.json");
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")).version : null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = [];
  for (const [name, floor] of Object.entries(floors)) {
    const version = installedVersion(name);
    if (!version) problems.push(`${name} is not installed (need ≥ ${floor})`);
    else if (compareVersions(version, floor) < 0) problems.push(`${name} ${version} is below the floor ${floor}`);
    else console.log(`  ${name} ${version} ≥ ${floor}`);
  }
  if (problems.length > 0) {
    console.error(problems.map((problem) => `  ✗ ${problem}`).join("\n"));
    process.exit(1);
  }
}
