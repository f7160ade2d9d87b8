import type { DecisionProcessSettings } from '../../../common/contracts/communities.ts';
import type { CharterSectionKey } from '../../../common/enums.ts';
import { AppError, message } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayManageCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import {
  findDecisionProcess,
  findLatestCharterVersion,
  insertCharterVersion,
} from '../../queries/charters.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleCommunity } from './load-community.ts';

/**
 * Leaders save a new version of the charter (all five sections, with a note of what changed). The
 * previous versions stay: who changed what, and when. `baseVersion` guards against overwriting a
 * version someone else saved meanwhile. The decision process (#18 §1) is kept unless the edit names one.
 */
export async function editCharter(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  edit: {
    sections: Record<CharterSectionKey, string>;
    note: string;
    baseVersion: number;
    decision?: DecisionProcessSettings | undefined;
  },
) {
  return deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    enforce(mayManageCommunity(actor, community, membership));
    const currentVersion = (await findLatestCharterVersion(tx, community.id)) ?? 0;
    if (edit.baseVersion !== currentVersion) {
      throw new AppError(
        'conflict',
        message('errors.communities.charterOutdated', { version: currentVersion }),
        { baseVersion: 'outdated' },
      );
    }
    const decision = edit.decision ?? (await findDecisionProcess(tx, community.id));
    const saved = await insertCharterVersion(tx, {
      communityId: community.id,
      version: currentVersion + 1,
      sections: edit.sections,
      decisionProcess: decision.process,
      objectionDays: decision.objectionDays,
      votingDays: decision.votingDays,
      note: edit.note,
      editedBy: actor.id,
    });
    if (!saved) throw new Error('the charter version was not stored');
    return saved;
  });
}
