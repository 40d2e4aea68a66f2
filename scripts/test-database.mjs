// Tests and benchmarks wipe their database. Only one whose name says so may be wiped: a developer
// whose shell points DATABASE_URL at a real database must never lose it to `npm test`.

/**
 * Whether the database's name has `word` as one of its parts: "test", "clientdesk_test",
 * "test-2" do; "latest" or "contest" do not.
 * @param {string} url
 * @param {string} word
 */
export function isDatabaseNamedFor(url, word) {
  try {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    return name.toLowerCase().split(/[^a-z0-9]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/).includes(word);
  } catch {
    return false;
  }
}

/** @param {string} url */
export function isTestDatabaseUrl(url) {
  return isDatabaseNamedFor(url, "test");
}

/** @param {string | undefined} url */
export function assertTestDatabaseUrl(url) {
  if (!url || !isTestDatabaseUrl(url)) {
    const name = url ? new URL(url).pathname.slice(1) || "(none)" : "(none)";
    throw new Error(`Refusing to wipe database "${name}": tests only use a database whose name has "test" as one of its parts.`);
  }
}
