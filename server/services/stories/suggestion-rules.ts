import type { Suggestion } from '../../../common/contracts/stories.ts';
import type { CommunityStage } from '../../../common/enums.ts';
import type { SignalRow, SignalWindows } from '../../queries/signals.ts';

/**
 * The rules that turn a community's signals into suggestions for its leaders (#17 §3), as pure
 * functions of what `readSignals` read, so each rule is tested on a constructed history.
 */

const day = 86_400_000;

/** Participation counts as down when the previous 90 days had at least this many active members… */
export const participationFloor = 3;

/** The instants the signals are measured at, from `now`: exact instants, whatever the server's zone. */
export function signalWindows(now: Date): SignalWindows {
  const at = now.getTime();
  const twoMonthsAgo = new Date(at);
  // Two calendar months back in UTC, the day clamped to the month's last (31 December → 31 October,
  // 30 April → 28 or 29 February), as PostgreSQL's `- interval '2 months'` does.
  const targetMonth = twoMonthsAgo.getUTCMonth() - 2;
  twoMonthsAgo.setUTCDate(1);
  twoMonthsAgo.setUTCMonth(targetMonth);
  const lastDay = new Date(
    Date.UTC(twoMonthsAgo.getUTCFullYear(), twoMonthsAgo.getUTCMonth() + 1, 0),
  ).getUTCDate();
  twoMonthsAgo.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return {
    now,
    since90: new Date(at - 90 * day),
    since180: new Date(at - 180 * day),
    twoMonthsAgo,
    weekAgo: new Date(at - 7 * day),
    termAgo: new Date(at - 13 * 7 * day),
    weekAhead: new Date(at + 7 * day),
    today: now.toISOString().slice(0, 10),
  };
}

/**
 * How far participation fell, in tens of percent (a third or more: 3 and up; 0 when it did not fall a
 * third, or there were fewer than `participationFloor` active members before).
 */
export function participationDrop(activeNow: number, activeBefore: number): number {
  if (activeBefore < participationFloor || activeNow * 3 > activeBefore * 2) return 0;
  return Math.max(3, Math.floor(((activeBefore - activeNow) * 10) / activeBefore));
}

/** No meeting held for two months, none ahead, and the community is at least two months old. */
export function noMeetingForTwoMonths(row: SignalRow, w: SignalWindows): boolean {
  if (Date.parse(row.createdAt) > w.twoMonthsAgo.getTime()) return false;
  if (row.upcomingMeetings > 0) return false;
  return row.lastMeeting === null || Date.parse(row.lastMeeting.startsAt) < w.twoMonthsAgo.getTime();
}

/**
 * The stage Copse proposes from the signals, or null (the leaders decide):
 * - potential → coalescing: a meeting held in the last 90 days and at least 3 active members;
 * - coalescing → maturing: at least 3 meetings held in the last 90 days and at least 5 active members,
 *   no fewer than in the 90 days before;
 * - maturing → stewardship: a year old or more, at least 5 active members, participation not down a third;
 * - coalescing, maturing or stewardship → transformation: dormant, no active member in 90 days and no
 *   meeting for two months.
 */
export function proposeStage(row: SignalRow, w: SignalWindows): CommunityStage | null {
  const { stage, activeNow, activeBefore, meetingsHeld90 } = row;
  const ageDays = (w.now.getTime() - Date.parse(row.createdAt)) / day;
  if (
    (stage === 'coalescing' || stage === 'maturing' || stage === 'stewardship') &&
    activeNow === 0 &&
    noMeetingForTwoMonths(row, w)
  )
    return 'transformation';
  if (stage === 'potential' && meetingsHeld90 >= 1 && activeNow >= 3) return 'coalescing';
  if (stage === 'coalescing' && meetingsHeld90 >= 3 && activeNow >= 5 && activeNow >= activeBefore)
    return 'maturing';
  if (
    stage === 'maturing' &&
    ageDays >= 365 &&
    activeNow >= 5 &&
    participationDrop(activeNow, activeBefore) === 0
  )
    return 'stewardship';
  return null;
}

/** Every suggestion the signals raise, before dismissals, each with its subject and level. */
export function raiseSuggestions(
  row: SignalRow,
  w: SignalWindows,
  slug: string,
): (Suggestion & { level: number })[] {
  if (row.stage === 'archived') return [];
  const out: (Suggestion & { level: number })[] = [];
  const add = (s: Omit<Suggestion, 'proposedStage'> & { level?: number; proposedStage?: CommunityStage }) =>
    out.push({ proposedStage: null, level: 0, ...s });
  const drop = participationDrop(row.activeNow, row.activeBefore);
  if (drop > 0)
    add({
      kind: 'participation_down',
      subject: 'participation',
      level: drop,
      values: { now: row.activeNow, before: row.activeBefore },
      link: `/communities/${slug}/checkins/new`,
    });
  for (const question of row.questions ?? [])
    add({
      kind: 'question_unanswered',
      subject: question.id,
      values: { title: question.title, asked: new Date(question.createdAt).toISOString() },
      link: `/discussions/${question.id}`,
    });
  if (noMeetingForTwoMonths(row, w))
    add({
      kind: 'no_meeting',
      subject: row.lastMeeting?.id ?? 'none',
      values: { last: row.lastMeeting ? new Date(row.lastMeeting.startsAt).toISOString() : '' },
      link: `/communities/${slug}/meetings/new`,
    });
  for (const item of row.overdue ?? [])
    add({
      kind: 'action_overdue',
      subject: `${item.id}:${item.dueOn}`,
      values: { title: item.title, due: item.dueOn },
      link: `/communities/${slug}`,
    });
  const running = row.recurring ?? [];
  for (const survey of running) {
    const opens = Date.parse(survey.opensAt);
    if (opens > w.now.getTime() && opens <= w.weekAhead.getTime())
      add({
        kind: 'checkin_due',
        subject: `${survey.id}:${survey.next}`,
        values: { title: survey.title, opens: new Date(opens).toISOString() },
        link: `/checkins/${survey.id}`,
      });
  }
  const roundThisTerm = row.lastRound !== null && Date.parse(row.lastRound.opensAt) >= w.termAgo.getTime();
  if (!roundThisTerm && running.length === 0)
    add({
      kind: 'checkin_due',
      subject: `term:${row.lastRound?.id ?? 'none'}`,
      values: { title: '', opens: '' },
      link: `/communities/${slug}/checkins/new`,
    });
  for (const term of row.termsEnding ?? [])
    add({
      kind: 'term_ending',
      subject: `${term.userId}:${term.endsOn}`,
      values: { name: term.name, endsOn: term.endsOn },
      link: `/communities/${slug}/leadership`,
    });
  const proposed = proposeStage(row, w);
  if (proposed)
    add({
      kind: 'stage',
      subject: proposed,
      values: { stage: proposed, current: row.stage },
      link: `/communities/${slug}`,
      proposedStage: proposed,
    });
  return out;
}

/** The suggestions left once the dismissed ones go: dismissed stays dismissed until its level grows. */
export function withoutDismissed(
  raised: (Suggestion & { level: number })[],
  dismissals: SignalRow['dismissals'],
): (Suggestion & { level: number })[] {
  const dismissed = new Map((dismissals ?? []).map((d) => [`${d.kind}|${d.subject}`, d.level]));
  return raised.filter((s) => {
    const level = dismissed.get(`${s.kind}|${s.subject}`);
    return level === undefined || s.level > level;
  });
}
