import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataFolder } from "@/db";

const folders: string[] = [];

function tempFolder(): string {
  const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "clientdesk-lock-")), "pglite");
  folders.push(path.dirname(folder));
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe("embedded database lock", () => {
  it("makes a second process fail fast with a clear message", () => {
    const folder = tempFolder();
    // The parent process (the test runner) is alive and is not us: it stands for the first server.
    fs.writeFileSync(`${folder}.lock`, String(process.ppid));
    expect(() => lockDataFolder(folder)).toThrow(/in use by process \d+.*DATABASE_URL/);
  });

  it("takes over the lock of a process that has died", () => {
    const folder = tempFolder();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    fs.writeFileSync(`${folder}.lock`, dead.stdout);
    const release = lockDataFolder(folder);
    expect(fs.readFileSync(`${folder}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${folder}.lock`)).toBe(false);
  });
});
