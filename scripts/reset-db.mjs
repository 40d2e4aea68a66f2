// Empties the PostgreSQL database named by DATABASE_URL, so a test run starts clean; it refuses
// any database whose name does not say it is for tests.
import postgres from "postgres";
import { assertTestDatabaseUrl } from "./test-database.mjs";

const url = process.env.DATABASE_URL;
assertTestDatabaseUrl(url);
const sql = postgres(url, { max: 1, onnotice: () => {} });
await sql.unsafe("drop schema if exists drizzle cascade; drop schema public cascade; create schema public;");
await sql.end();
