// Parameters of stored notifications (server/db/schema/notifications.ts params): names, numbers, and
// moments, which are written out in the reader's language and the zone they were given in.
import { DateTime } from 'luxon';
import type { Locale } from '../../common/i18n/locales.ts';

/** A moment in a zone, written as "Tuesday 3 March at 14:00 CET" in the reader's language. */
export interface MomentParam {
  at: string;
  zone: string;
}

export type NotificationParam = string | number | MomentParam;
export type NotificationParams = Record<string, NotificationParam>;

// i18n-ignore: luxon patterns; the quoted words are the only language in them.
const momentFormats: Record<Locale, string> = {
  en: "cccc d LLLL 'at' HH:mm ZZZZ",
  nl: "cccc d LLLL 'om' HH:mm ZZZZ",
  it: "cccc d LLLL 'alle' HH:mm ZZZZ",
};

/** A moment parameter from a date and an IANA zone. */
export function moment(at: Date, zone: string): MomentParam {
  return { at: at.toISOString(), zone };
}

/** The parameters ready for a message in `locale`: moments written out, the rest as they are. */
export function paramsIn(locale: Locale, params: NotificationParams | null | undefined) {
  if (!params) return undefined;
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'object'
        ? DateTime.fromISO(value.at, { zone: value.zone }).setLocale(locale).toFormat(momentFormats[locale])
        : value,
    ]),
  );
}
