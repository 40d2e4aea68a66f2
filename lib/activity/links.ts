/**
 * Where an entry's link leads staff reading a customer's timeline: the staff page of the same thing,
 * or the customer's user page for what has none of its own (billing, agents, security).
 */
export function staffActivityLink(link: string, userPage: string): string {
  const match = /^\/dashboard\/(projects|messages|invoices|calls)\/([0-9a-f-]{36})$/.exec(link);
  if (match) return `/admin/${match[1]}/${match[2]}`;
  return userPage;
}
