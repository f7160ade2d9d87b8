import type { MeetingKind, RsvpAnswer } from '../../common/enums.ts';

/**
 * The words and shapes seeded meetings are made of: titles by kind, descriptions, agendas, rooms,
 * recurrence rules, time zones and answers. `{t}` is one of the community's topics in lower case, `{T}`
 * the same in title case, `{c}` the community's name.
 */

const weighted = <T>(entries: [T, number][]) => entries.map(([value, weight]) => ({ value, weight }));

export const oneOffTitles: Readonly<Record<MeetingKind, readonly string[]>> = {
  meeting: [
    'Open meeting: {T}',
    'Show and tell: {t}',
    'Reading group: {t}',
    'Termly planning meeting',
    'Case discussion: {t} in our modules',
    'Lunchtime conversation on {t}',
    'Sharing practice: {t}',
    'Welcome meeting for new members',
    'Student voices on {t}',
  ],
  workshop: [
    'Workshop: {t} in practice',
    'Hands-on session: designing for {t}',
    'Design sprint: {t}',
    'Peer review workshop: {t}',
    'Clinic: bring your {t} questions',
  ],
  conference: ['Annual symposium on {t}', 'Mini-conference: {T}', 'Teaching and learning day: {T}'],
};

/** Recurring meetings: a rule (bounded, as schedulers write them), its title, how long it spans in days. */
export const seriesShapes: readonly { rrule: string; title: string; spanDays: number }[] = [
  { rrule: 'FREQ=WEEKLY;COUNT=8', title: 'Weekly drop-in: {t}', spanDays: 52 },
  { rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=10', title: 'Wednesday writing hour', spanDays: 70 },
  { rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=6', title: 'Fortnightly reading group: {t}', spanDays: 75 },
  { rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=6', title: 'Monthly community meeting', spanDays: 190 },
  { rrule: 'FREQ=MONTHLY;BYDAY=-1TH;COUNT=5', title: 'Coffee and {t}', spanDays: 160 },
];
export const monthlyShape = seriesShapes[3] ?? { rrule: 'FREQ=MONTHLY;COUNT=6', title: '', spanDays: 190 };

export const descriptions: readonly string[] = [
  'An informal hour for members of {c} to compare notes on **{t}**. Bring an example from your own teaching.',
  'We look at one short reading on {t} beforehand and talk about what it means for our modules.',
  'Colleagues share what they tried this term around {t}: what worked, what did not, and what they would change.',
  'A practical session: bring a draft and leave with something you can use next week.',
  'Open to everyone in {c}. New members are very welcome; no preparation needed.',
  'We review the actions from last time and plan the next steps of our work on {t}.',
];

export const agendas: readonly string[] = [
  '1. Welcome and introductions\n2. Short input on {t}\n3. Small-group discussion\n4. Actions and next meeting',
  '1. Updates from members\n2. Case study\n3. Planning for next term',
  '1. Reading discussion\n2. What we will try\n3. Any other business',
];

export const rooms: readonly string[] = [
  'Library, Room 2.14',
  'Teaching Hub G.03',
  'Education Building 1.20',
  'Learning Lab, Level 1',
  'Senate Room',
  'Students’ Union, Meeting Room B',
  'Science Quarter, Seminar Room 4',
  'Business School, Room 3.02',
];

export const cancelReasons: readonly string[] = [
  'The facilitator is unwell; we will pick this up next time.',
  'Clashes with the exam board.',
  'The room is no longer available.',
  'Postponed until after the marking period.',
  '',
];

/** Most meetings are in the campus's zone; partners and distance programmes bring a few others. */
export const timeZones = weighted([
  ['Europe/London', 88],
  ['Europe/Dublin', 3],
  ['Europe/Berlin', 4],
  ['America/New_York', 3],
  ['Australia/Sydney', 2],
]);

export const oneOffKinds = weighted<MeetingKind>([
  ['meeting', 74],
  ['workshop', 21],
  ['conference', 5],
]);

/** Minutes after midnight a meeting starts at (local time), and how long each kind lasts in minutes. */
export const startMinutes: readonly number[] = [540, 570, 600, 660, 720, 750, 780, 840, 900, 960, 1020];
export const durations: Readonly<Record<MeetingKind, readonly number[]>> = {
  meeting: [45, 60, 60, 60, 90],
  workshop: [120, 150, 180],
  conference: [420, 480],
};

/** What people answer; a full meeting turns "going" into a wait-list place. */
export const answers = weighted<RsvpAnswer>([
  ['going', 56],
  ['maybe', 25],
  ['not_going', 19],
]);
/** The featured people (the demo accounts, the bench member) are keener. */
export const featuredAnswers = weighted<RsvpAnswer>([
  ['going', 70],
  ['maybe', 20],
  ['not_going', 10],
]);

export function fill(pattern: string, topic: string, community: string): string {
  const title = topic.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
  return pattern.replaceAll('{t}', topic).replaceAll('{T}', title).replaceAll('{c}', community);
}
