// `npm run demo:code`: the demo admin's current two-factor code, for signing in without an authenticator app.
import { demoAdminTotpSecret } from "@/db/demo";
import { currentTotp } from "@/lib/two-factor/totp";

const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${currentTotp(demoAdminTotpSecret)}  (admin@clientdesk.test, valid for ${secondsLeft} more seconds)`);
