import { z } from 'zod';
import { createSurveyBody, type SurveyTemplate } from '../../../common/contracts/surveys.ts';
import { surveyQuestionKinds, surveyRecurrences } from '../../../common/enums.ts';

/** How long each round stays open, as the form offers it (days). */
export const checkinWindows = [3, 7, 14, 21, 28] as const;

export interface QuestionValues {
  kind: (typeof surveyQuestionKinds)[number];
  prompt: string;
  /** One option a line (Likert: its five labels). */
  options: string;
  required: boolean;
}

export interface CheckinFormValues {
  template: string;
  title: string;
  intro: string;
  anonymous: boolean;
  shareResults: boolean;
  /** The first round's opening day (yyyy-mm-dd); empty opens it now. */
  opensAt: string;
  openDays: string;
  recurrence: (typeof surveyRecurrences)[number];
  everyWeeks: string;
  questions: QuestionValues[];
  [key: string]: unknown;
}

export const emptyQuestion = (): QuestionValues => ({
  kind: 'likert',
  prompt: '',
  options: '',
  required: true,
});

/** The form's values from a template (or an empty check-in). */
export function valuesFrom(template: SurveyTemplate | undefined, key: string): CheckinFormValues {
  return {
    template: key,
    title: template?.title ?? '',
    intro: template?.intro ?? '',
    anonymous: false,
    shareResults: true,
    opensAt: '',
    openDays: '7',
    recurrence: template?.recurrence ?? 'none',
    everyWeeks: '4',
    questions: template
      ? template.questions.map((q) => ({ ...q, options: q.options.join('\n') }))
      : [emptyQuestion()],
  };
}

/** The local date of today, as a date field holds it (yyyy-mm-dd). */
export function todayInField(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * When the first round opens: now for an empty field or today, otherwise 08:00 local time on the day
 * chosen (a day before today is sent as it is, and the server says it is in the past).
 */
export function firstOpening(day: string, now = new Date()): Date | undefined {
  if (day === '' || day === todayInField(now)) return undefined;
  const opens = new Date(`${day}T08:00`);
  return Number.isNaN(opens.getTime()) ? undefined : opens;
}

/**
 * The form's values as the API's body (options a line each, the round's window from now, weeks only
 * for "every few weeks"), checked with the API's own rules (common/contracts/surveys.ts), so the
 * messages on the fields are the server's.
 */
/**
 * What the notice after sending says: a check-in whose first round opens on a later day (the body
 * carries `opensAt` only then) is not sent yet, so it says when it opens; members are told then.
 */
export function sentNotice(
  opensAt: string | undefined,
): { id: 'checkins.new.sent' } | { id: 'checkins.new.scheduled'; opensAt: string } {
  return opensAt === undefined ? { id: 'checkins.new.sent' } : { id: 'checkins.new.scheduled', opensAt };
}

export const checkinFormSchema = z
  .object({
    title: z.string(),
    intro: z.string(),
    anonymous: z.boolean(),
    shareResults: z.boolean(),
    opensAt: z.string(),
    openDays: z.string(),
    recurrence: z.enum(surveyRecurrences),
    everyWeeks: z.string(),
    questions: z.array(
      z.object({
        kind: z.enum(surveyQuestionKinds),
        prompt: z.string(),
        options: z.string(),
        required: z.boolean(),
      }),
    ),
  })
  .transform((values, context) => {
    const opens = firstOpening(values.opensAt);
    const checked = createSurveyBody.safeParse({
      title: values.title,
      intro: values.intro,
      anonymous: values.anonymous,
      shareResults: values.shareResults,
      ...(opens ? { opensAt: opens.toISOString() } : {}),
      closesAt: new Date(
        (opens?.getTime() ?? Date.now()) + Number(values.openDays) * 86_400_000,
      ).toISOString(),
      recurrence: values.recurrence,
      ...(values.recurrence === 'weeks' ? { everyWeeks: Number(values.everyWeeks) } : {}),
      questions: values.questions.map((q) => ({
        kind: q.kind,
        prompt: q.prompt,
        options: q.options
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        required: q.required,
      })),
    });
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues) {
      // An option's own error (questions.0.options.2) belongs to the options box.
      const path = issue.path.length > 3 && issue.path[2] === 'options' ? issue.path.slice(0, 3) : issue.path;
      context.addIssue({ code: 'custom', message: issue.message, path });
    }
    return z.NEVER;
  });
