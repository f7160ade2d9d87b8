import type { PersonKind } from '../../../common/enums.ts';
import type { Locale } from '../../../common/i18n/locales.ts';
import { fieldError, notFound } from '../../errors.ts';
import { findUnitName } from '../../queries/institution.ts';
import { buildPersonSearchDocument, findProfileById, updateUserProfile } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';

export interface ProfileChanges {
  displayName?: string | undefined;
  pronouns?: string | undefined;
  unitId?: string | null | undefined;
  kind?: PersonKind | undefined;
  bio?: string | undefined;
  interests?: string[] | undefined;
  expertise?: string[] | undefined;
  timeZone?: string | undefined;
  language?: Locale | null | undefined;
  remindDayBefore?: boolean | undefined;
  remindHourBefore?: boolean | undefined;
  showBadges?: boolean | undefined;
}

const unique = (tags: string[]) => [...new Set(tags)];

/** Updates a person's own profile and keeps their search document in step. */
export async function updateProfile(deps: ServiceDeps, userId: string, changes: ProfileChanges) {
  const { db } = deps.database;
  return db.transaction(async (tx) => {
    const current = await findProfileById(tx, userId);
    if (!current) throw notFound('errors.notFound.person');
    let unitName = current.unitName;
    if (changes.unitId !== undefined && changes.unitId !== null) {
      const name = await findUnitName(tx, changes.unitId);
      if (name === undefined) throw fieldError('unitId', 'errors.units.chooseFromList');
      unitName = name;
    } else if (changes.unitId === null) {
      unitName = null;
    }
    const next = {
      displayName: changes.displayName ?? current.user.displayName,
      pronouns: changes.pronouns ?? current.user.pronouns,
      unitId: changes.unitId === undefined ? current.user.unitId : changes.unitId,
      kind: changes.kind ?? current.user.kind,
      bio: changes.bio ?? current.user.bio,
      interests: unique(changes.interests ?? current.user.interests),
      expertise: unique(changes.expertise ?? current.user.expertise),
      timeZone: changes.timeZone ?? current.user.timeZone,
      language: changes.language === undefined ? current.user.language : changes.language,
      remindDayBefore: changes.remindDayBefore ?? current.user.remindDayBefore,
      remindHourBefore: changes.remindHourBefore ?? current.user.remindHourBefore,
      showBadges: changes.showBadges ?? current.user.showBadges,
    };
    const user = await updateUserProfile(tx, userId, {
      ...next,
      searchDocument: buildPersonSearchDocument({ ...next, unitName }),
    });
    if (!user) throw notFound('errors.notFound.person');
    return { user, unitName };
  });
}
