import { z } from 'zod';
import { createPingBody, pingLimits } from '../../../common/contracts/pings.ts';
import { membershipRoles, pingAudiences, pingKinds, pingResultsVisibilities } from '../../../common/enums.ts';

/** How long a Ping stays open, as the form offers it (hours; the API takes 1 to 336). */
export const pingWindows = [1, 4, 24, 48, 72, 168, 336] as const;

export interface PingFormValues {
  question: string;
  kind: (typeof pingKinds)[number];
  choices: string[];
  audience: (typeof pingAudiences)[number];
  role: string;
  windowHours: string;
  resultsVisibility: (typeof pingResultsVisibilities)[number];
  anonymous: boolean;
  [key: string]: unknown;
}

export const emptyPingValues = (): PingFormValues => ({
  question: '',
  kind: 'choice',
  choices: ['', ''],
  audience: 'all',
  role: 'member',
  windowHours: '72',
  resultsVisibility: 'live',
  anonymous: false,
});

/**
 * The form's values as the API's body: choices only for a question with choices, the role only for a
 * Ping to one role, the window as a number; then checked with the API's own rules
 * (common/contracts/pings.ts), so the messages on the fields are the server's.
 */
export const pingFormSchema = z
  .object({
    question: z.string(),
    kind: z.enum(pingKinds),
    choices: z.array(z.string()).max(pingLimits.choicesMax),
    audience: z.enum(pingAudiences),
    role: z.union([z.enum(membershipRoles), z.literal('')]),
    windowHours: z.string(),
    resultsVisibility: z.enum(pingResultsVisibilities),
    anonymous: z.boolean(),
  })
  .transform((values, context) => {
    const checked = createPingBody.safeParse({
      question: values.question,
      kind: values.kind,
      choices: values.kind === 'choice' ? values.choices : [],
      audience: values.audience,
      ...(values.audience === 'role' && values.role ? { role: values.role } : {}),
      windowHours: Number(values.windowHours),
      resultsVisibility: values.resultsVisibility,
      anonymous: values.anonymous,
    });
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues) {
      context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
    return z.NEVER;
  });
