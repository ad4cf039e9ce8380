// `npm run embargo:key`: prints a new embargo secret for PRESSROOM_EMBARGO_KEY
// (README, "Embargoed previews"). Setting a new one revokes every link sent before.
import { newEmbargoSecret } from "../lib/embargo/secret.ts";

console.log(newEmbargoSecret());
