// Passwords of 8+ characters that top the public breach-frequency lists; compared lower-cased.
export const commonPasswords = new Set([
  "password", "password1", "password12", "password123", "password1234", "password!", "passw0rd", "p@ssw0rd",
  "p@ssword", "12345678", "123456789", "1234567890", "12345678910", "0123456789", "87654321", "11111111",
  "00000000", "88888888", "99999999", "12341234", "11223344", "12121212", "1q2w3e4r", "1q2w3e4r5t",
  "1qaz2wsx", "qwertyui", "qwertyuiop", "qwerty123", "qwerty12", "qwerty1234", "asdfghjk", "asdfghjkl",
  "zxcvbnm1", "zaq12wsx", "abcd1234", "abc12345", "abcdefgh", "aa123456", "a1234567", "iloveyou",
  "iloveyou1", "princess", "princess1", "sunshine", "football", "football1", "baseball", "basketball",
  "superman", "starwars", "trustno1", "welcome1", "welcome123", "letmein1", "letmein123", "computer",
  "whatever", "michelle", "jennifer", "jordan23", "liverpool", "chelsea1", "arsenal1", "charlie1",
  "mustang1", "shadow12", "master12", "monkey12", "dragon12", "hello123", "freedom1", "internet",
  "samsung1", "google123", "admin123", "administrator", "changeme", "changeme1", "default1", "secret123",
  "q1w2e3r4", "q1w2e3r4t5", "1234qwer", "qazwsxedc", "passpass", "lovelove", "butterfly", "chocolate",
  "pokemon1", "minecraft", "fuckyou1", "michael1", "danielle", "jessica1", "ashley12", "babygirl1",
  "987654321", "147258369", "123123123", "123321123", "789456123", "741852963", "qweasdzxc", "1qazxsw2",
  "passwort", "passwort1", "hallo123", "schatz123", "clientdesk", "clientdesk1", "clientdesk123",
]);
