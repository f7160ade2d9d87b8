// Imported first by main.tsx, before any zod schema exists. Zod compiles object parsers with
// `new Function` unless jitless, and even its probe for eval (caught, at the first z.object) is reported
// as a violation of our CSP (script-src 'self', no 'unsafe-eval'). The forms parse small objects, so the
// interpreted parser costs nothing anyone notices. The server keeps the compiled parsers.
import { z } from 'zod';

z.config({ jitless: true });
