import { expect } from "@playwright/test";
import postgres from "postgres";

/**
 * What a table's checksum covers, when not the whole row. Mail delivery may update a message's row
 * after the request that queued it has answered, possibly an earlier test's: only which messages
 * exist counts, so a new one still shows.
 */
const checkedColumns: Record<string, string> = { email_outbox: "id" };

export type DatabaseProbe = {
  /** False on PGlite, which lives inside the server process out of a test's reach: tests then judge by the answers alone. */
  reachable: boolean;
  /** Runs `act`; `changed` names the tables in schema `public` that changed meanwhile. */
  observe<T>(act: () => Promise<T>): Promise<{ result: T; changed: string[] }>;
  /** Runs `act` and fails, naming the tables, if it changed any. */
  expectUnchanged<T>(label: string, act: () => Promise<T>): Promise<T>;
  /** Every stored password hash and token hash, and the digest part of each password hash. */
  storedSecrets(): Promise<string[]>;
  close(): Promise<void>;
};

/** The e2e server's database when it is PostgreSQL (DATABASE_URL), read by the test directly. */
export function openDatabaseProbe(): DatabaseProbe {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const observe = async <T>(act: () => Promise<T>) => ({ result: await act(), changed: [] });
    return { reachable: false, observe, expectUnchanged: (_label, act) => act(), storedSecrets: async () => [], close: async () => {} };
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });

  async function checksums(): Promise<Map<string, string>> {
    const tables = await sql<{ name: string }[]>`
      select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
    const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const literal = (name: string) => `'${name.replace(/'/g, "''")}'`;
    const parts = tables.map(({ name }) => {
      const value = checkedColumns[name] ? `r.${quoted(checkedColumns[name])}` : "r";
      return `select ${literal(name)} as name, md5(coalesce(string_agg(${value}::text, ',' order by ${value}::text), '')) as sum from public.${quoted(name)} r`;
    });
    const rows = await sql.unsafe<{ name: string; sum: string }[]>(parts.join(" union all "));
    return new Map(rows.map((row) => [row.name, row.sum]));
  }

  async function observe<T>(act: () => Promise<T>) {
    const before = await checksums();
    const result = await act();
    const after = await checksums();
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name));
    return { result, changed };
  }

  return {
    reachable: true,
    observe,
    async expectUnchanged(label, act) {
      const { result, changed } = await observe(act);
      expect(changed, `${label} changed the database`).toEqual([]);
      return result;
    },
    async storedSecrets() {
      const rows = await sql<{ secret: string }[]>`select password_hash as secret from users union all select token_hash from auth_tokens union all select token_hash from api_tokens`;
      // An argon2 hash ends in its digest, which a leak could show without the parameters before it.
      return rows.flatMap(({ secret }) => (secret.startsWith("$") ? [secret, secret.slice(secret.lastIndexOf("$") + 1)] : [secret]));
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
