// Empties the PostgreSQL database named by DATABASE_URL, so a test run starts clean.
import postgres from "postgres";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("reset-db needs DATABASE_URL");
const sql = postgres(url, { max: 1, onnotice: () => {} });
await sql.unsafe("drop schema if exists drizzle cascade; drop schema public cascade; create schema public;");
await sql.end();
