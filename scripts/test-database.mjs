// Tests wipe their database. Only one whose name says so may be wiped: a developer whose shell
// points DATABASE_URL at a real database must never lose it to `npm test`.

/** @param {string} url */
export function isTestDatabaseUrl(url) {
  try {
    return /test/i.test(decodeURIComponent(new URL(url).pathname.slice(1)));
  } catch {
    return false;
  }
}

/** @param {string | undefined} url */
export function assertTestDatabaseUrl(url) {
  if (!url || !isTestDatabaseUrl(url)) {
    const name = url ? new URL(url).pathname.slice(1) || "(none)" : "(none)";
    throw new Error(`Refusing to wipe database "${name}": tests only use a database whose name contains "test".`);
  }
}
