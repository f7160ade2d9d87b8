import type { DismissSuggestionInput, Suggestions } from '../../../common/contracts/stories.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayDismissSuggestion, maySeeSuggestions } from '../../policies/stories.ts';
import { readSignals, upsertSuggestionDismissal } from '../../queries/signals.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { raiseSuggestions, signalWindows, withoutDismissed } from './suggestion-rules.ts';

/**
 * The suggestions for a community's leaders (#17 §3), computed on read from one statement of signals:
 * those the signals raise now, less those dismissed (until the signal grows or a new subject comes).
 */
export async function listSuggestions(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  now = new Date(),
): Promise<Suggestions> {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  enforce(maySeeSuggestions(actor, membership));
  const windows = signalWindows(now);
  const row = await readSignals(db, community.id, windows);
  if (!row) throw new AppError('not_found', 'errors.notFound.community');
  const shown = withoutDismissed(raiseSuggestions(row, windows, community.slug), row.dismissals);
  return {
    suggestions: shown.map(({ level: _level, ...suggestion }) => suggestion),
    signals: {
      activeNow: row.activeNow,
      activeBefore: row.activeBefore,
      lastMeetingAt: row.lastMeeting ? new Date(row.lastMeeting.startsAt).toISOString() : null,
    },
  };
}

/**
 * Dismisses one of the suggestions shown now (by kind and subject), at its current level: it stays
 * away until the signal grows (participation falls further) or a new subject raises it. 404 when the
 * signals no longer raise it.
 */
export async function dismissSuggestion(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: DismissSuggestionInput,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayDismissSuggestion(actor, community, membership));
    const windows = signalWindows(new Date());
    const row = await readSignals(tx, community.id, windows);
    const raised = row ? raiseSuggestions(row, windows, community.slug) : [];
    const found = raised.find((s) => s.kind === input.kind && s.subject === input.subject);
    if (!found) throw new AppError('not_found', 'suggestions.errors.gone');
    await upsertSuggestionDismissal(tx, {
      communityId: community.id,
      kind: found.kind,
      subject: found.subject,
      level: found.level,
      dismissedBy: actor.id,
    });
  });
}
