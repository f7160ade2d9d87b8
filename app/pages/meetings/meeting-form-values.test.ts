import { compileMessage } from '@lingui/message-utils/compileMessage';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../common/i18n/catalogs/en.ts';
import { issueText } from '../../hooks/form-errors.ts';
import { i18n } from '../../i18n/i18n.ts';
import { dateInputExample, dateTimeInputExample } from '../../lib/dates.ts';
import { dateInputField, emptyMeetingValues, scheduleFormSchema } from './meeting-form-values.ts';

// The texts are checked in English (the web app compiles its catalogs at build time; here at run time).
beforeAll(() => {
  i18n.setMessagesCompiler(compileMessage);
  i18n.loadAndActivate({ locale: 'en', messages: en });
});

function messagesFor(values: Record<string, unknown>): Record<string, string> {
  const result = scheduleFormSchema.safeParse({
    ...emptyMeetingValues('Europe/Paris'),
    title: 'Tea',
    ...values,
  });
  const messages: Record<string, string> = {};
  for (const issue of result.success ? [] : result.error.issues)
    messages[issue.path.join('.')] ??= issueText(issue);
  return messages;
}

describe('the meeting form’s date messages', () => {
  it('asks for an empty or half-filled start and end in the format the picker shows', () => {
    const messages = messagesFor({ startsAt: '', endsAt: '' });
    expect(messages.startsAt).toBe(`Enter a date and time like ${dateTimeInputExample()}.`);
    expect(messages.endsAt).toBe(`Enter a date and time like ${dateTimeInputExample()}.`);
    expect(messages.startsAt).not.toContain('2026-12-01T15:00');
  });

  it('keeps the API’s other rules', () => {
    expect(messagesFor({ startsAt: '2027-02-30T10:00' }).startsAt).toBe('That date does not exist.');
    expect(messagesFor({ startsAt: '2027-03-02T10:00', endsAt: '2027-03-02T09:00' }).endsAt).toBe(
      'The end must be after the start.',
    );
    expect(messagesFor({ startsAt: '2027-03-02T10:00', endsAt: '2027-03-02T11:00' })).toEqual({});
  });

  it('asks for a skipped date in the date picker’s format', () => {
    const result = dateInputField().safeParse('');
    expect(result.success ? '' : result.error.issues[0]?.message).toBe(
      `Enter a date like ${dateInputExample()}.`,
    );
    expect(dateInputField().safeParse('2027-03-02').success).toBe(true);
  });
});
