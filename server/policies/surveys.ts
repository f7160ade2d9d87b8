import { type Actor, isCoordinator } from '../lib/actor.ts';
import { answerDecision, leadsAsking, overseesAsking } from './asking.ts';
import {
  type CommunitySubject,
  isActiveLeader,
  type MembershipSubject,
  writeRefusal,
} from './communities.ts';
import { allowIf, conceal, type Decision, deny } from './decision.ts';

/**
 * Who may do what with check-in surveys and action items (#16 §2), as with Pings: the community's
 * leaders and co-leaders (not suspended from it) and the coordinators create and manage them; a survey
 * is seen by those it was sent to (in any round) and by those who lead, and is gone (404) for everyone
 * else; those asked in the open round who are active members answer it.
 */

export interface SurveySubject {
  /** The latest round is open (and the survey was not stopped). */
  open: boolean;
  anonymous: boolean;
  shareResults: boolean;
  /** Asked in the latest round, and answered it. */
  invited: boolean;
  answered: boolean;
  /** Asked in some round. */
  invitedEver: boolean;
}

/** Oversees the check-ins (response rates, every survey, results): leaders (also suspended, reading) and coordinators. */
export function overseesSurveys(actor: Actor | null, membership: MembershipSubject): boolean {
  return overseesAsking(actor, membership);
}

/** Creating a check-in survey. */
export function mayCreateSurvey(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(leadsAsking(actor, community, membership), () =>
    writeRefusal(community, 'errors.surveys.onlyLeaders', membership),
  );
}

/** Closing the open round and stopping a recurring check-in. */
export function mayManageSurvey(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return mayCreateSurvey(actor, community, membership);
}

/** Seeing a survey: those it was sent to, the community's leaders and the coordinators (even archived). */
export function maySeeSurvey(
  actor: Actor | null,
  membership: MembershipSubject,
  survey: Pick<SurveySubject, 'invitedEver'>,
): Decision {
  return allowIf(survey.invitedEver || overseesSurveys(actor, membership), conceal('errors.notFound.survey'));
}

/**
 * Answering (and changing a named response): someone asked in the open round who is an active member;
 * an anonymous response is final.
 */
export function mayAnswerSurvey(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  survey: SurveySubject,
): Decision {
  return answerDecision(
    actor,
    community,
    membership,
    { asked: survey.invited, open: survey.open, anonymous: survey.anonymous, answered: survey.answered },
    {
      notAsked: 'errors.surveys.notInvited',
      closed: 'errors.surveys.closed',
      anonymousFinal: 'errors.surveys.anonymousFinal',
    },
  );
}

/**
 * Whether the actor sees the results: those who oversee the check-ins always; those asked, when the
 * survey shares its results, once they answered the latest round or it closed. (Anonymous results also
 * wait for five responses.)
 */
export function seesSurveyResults(
  actor: Actor | null,
  membership: MembershipSubject,
  survey: SurveySubject,
): boolean {
  if (overseesSurveys(actor, membership)) return true;
  if (!survey.invitedEver || !survey.shareResults) return false;
  return survey.answered || !survey.open;
}

/** The results as CSV: the community's active leaders and the coordinators, also once archived. */
export function mayExportSurvey(actor: Actor | null, membership: MembershipSubject): Decision {
  return allowIf(actor !== null && (isActiveLeader(membership) || isCoordinator(actor)), () =>
    deny(membership?.suspended === true ? 'errors.communities.suspended' : 'errors.surveys.onlyLeaders'),
  );
}

/** Reading the community's action items: its members (suspended ones read too) and the coordinators. */
export function maySeeActionItems(actor: Actor | null, membership: MembershipSubject): Decision {
  return allowIf(
    actor !== null && (membership !== null || isCoordinator(actor)),
    deny('errors.actionItems.membersOnly'),
  );
}

/** Recording and changing action items: as creating a check-in. */
export function mayManageActionItems(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(leadsAsking(actor, community, membership), () =>
    writeRefusal(community, 'errors.actionItems.onlyLeaders', membership),
  );
}
