// The web app's `zod`: vite.config.ts aliases every `import … from 'zod'` here, so this runs before any
// zod schema of the app is created, in whichever lazy chunk first needs zod. Zod compiles object parsers
// with `new Function` unless jitless, and even its probe for eval (caught, at the first z.object) is
// reported as a violation of our CSP (script-src 'self', no 'unsafe-eval'). The forms parse small
// objects, so the interpreted parser costs nothing anyone notices. The server keeps the compiled parsers.

import * as z from 'zod/v4';
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
