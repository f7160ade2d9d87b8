// Leadership succession's enums (#18 §1), apart from common/enums.ts so that only the pages that use
// them load them.

/**
 * How a community chooses a new leader (#18 §1), a structured choice in its charter: consent (no
 * reasoned objection within the objection period), a secret vote, or the leaders' decision (the default,
 * also for charters written before the choice existed).
 */
export const decisionProcesses = ['consent', 'vote', 'leaders'] as const;
export type DecisionProcess = (typeof decisionProcesses)[number];
/**
 * A succession's life: gathering nominations, deciding (an objection period or a vote under way),
 * decided (the successor leads; the hand-over checklist is being ticked), handed over, or cancelled.
 */
export const successionStatuses = ['nominating', 'deciding', 'decided', 'handed_over', 'cancelled'] as const;
export type SuccessionStatus = (typeof successionStatuses)[number];
/** A nomination: waiting for the nominee's answer, accepted or declined. */
export const nominationStatuses = ['pending', 'accepted', 'declined'] as const;
export type NominationStatus = (typeof nominationStatuses)[number];
/** The hand-over checklist both leaders tick, in its order. */
export const handoverKeys = [
  'access_and_roles',
  'upcoming_meetings',
  'open_action_items',
  'toolkit_curation',
  'contacts_and_partners',
  'outgoing_note',
] as const;
export type HandoverKey = (typeof handoverKeys)[number];
/** The role the outgoing leader keeps once the successor leads. */
export const outgoingRoles = ['co_leader', 'member'] as const;
export type OutgoingRole = (typeof outgoingRoles)[number];
