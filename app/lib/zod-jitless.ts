// The web app's `zod`: vite.config.ts aliases every `import … from 'zod'` here, so this runs before any
// zod schema of the app is created, in whichever lazy chunk first needs zod. Zod compiles object parsers
// with `new Function` unless jitless, and even its probe for eval (caught, at the first z.object) is
// reported as a violation of our CSP (script-src 'self', no 'unsafe-eval'). The forms parse small
// objects, so the interpreted parser costs nothing anyone notices. The server keeps the compiled parsers.
// It also makes zod's own messages speak the language shown (below).

import * as z from 'zod/v4';
import { config } from 'zod/v4/core';
import { issueMessage } from '../../common/i18n/zod-issues.ts';
import { i18n } from '../i18n/i18n.ts';

// zod's own messages (a rule without a message of ours) in the language shown, worded as the server's:
// a rule's own message wins over this, so the shared rules' message ids stay ids (see issueText).
config({
  jitless: true,
  customError: (issue) => {
    const { id, values } = issueMessage(issue);
    return i18n._(id, values);
  },
});

export * from 'zod/v4';
export { z, z as default };
