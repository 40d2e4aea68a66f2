import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// zxcvbn-ts's ranked list of the most common breached passwords (about 49,000, from public dumps),
// of which every entry long enough to pass the length rule is refused: about 18,000 passwords.
// A few words specific to this product and its German users are added.
const productWords = ["clientdesk", "clientdesk1", "clientdesk123", "clientdesk-demo", "passwort", "passwort1", "passwort123", "hallo123", "schatz123"];

let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  list ??= new Set([...dictionary["passwords-common"], ...productWords].filter((password) => password.length >= 8));
  return list;
}

/** Compared lower-cased: "Password123" is as guessable as "password123". */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}
