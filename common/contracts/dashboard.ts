import { z } from 'zod';
import { activityKinds, communityStages, personKinds } from '../enums.ts';
import { filterDayField } from '../fields.ts';

/** The community health dashboard (#17 §1), the portfolio (#17 §4) and "what Copse records about me". */

export const dashboardLimits = {
  /** The longest range a dashboard shows (a year and a day, for leap years). */
  rangeDaysMax: 366,
  /** The default range: the last 90 days. */
  rangeDaysDefault: 90,
  /** Splits of fewer people than this are not shown (nor any cell that would give them away). */
  smallGroup: 5,
  /** Ranges longer than this are charted week by week. */
  dailyDaysMax: 92,
  dormantDaysMax: 730,
  growingPercentMax: 1000,
} as const;

const dayField = filterDayField('dashboard.validation.date');

/** A date range (UTC days, both included); both left out: the last 90 days. */
export const dashboardQuery = z
  .object({ from: dayField.optional(), to: dayField.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'dashboard.validation.order' });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const rate = z.number().nullable();

/**
 * The key of a split's last row, "other groups": every group of fewer than five people together (and the
 * next smallest while they add up to fewer than five), none of them named.
 */
export const othersSplitKey = 'others';

/** One group of a split: its members and the share active; null numbers are suppressed (small groups). */
export const splitRowSchema = z.object({
  /** The unit's id, the kind, null for people with no unit, or `othersSplitKey` for the small groups together. */
  key: z.string().nullable(),
  /** The unit's name; null for people with no unit, a kind, and the other groups. */
  label: z.string().nullable(),
  suppressed: z.boolean(),
  members: z.number().nullable(),
  active30: z.number().nullable(),
  active90: z.number().nullable(),
});
export type SplitRow = z.infer<typeof splitRowSchema>;

const knowledgeSchema = z.object({
  threads: z.number(),
  replies: z.number(),
  reactions: z.number(),
  questions: z.number(),
  answered: z.number(),
  helpful: z.number(),
  medianFirstReplyHours: z.number().nullable(),
  resourcesAdded: z.number(),
  views: z.number(),
  downloads: z.number(),
  uses: z.number(),
});

const periodSchema = z.object({
  from: z.string(),
  to: z.string(),
  joined: z.number(),
  returning: z.number(),
  left: z.number(),
  net: z.number(),
  membersAtEnd: z.number(),
  active: z.number(),
  participation: rate,
  knowledge: knowledgeSchema,
  meetingsHeld: z.number(),
  attendees: z.number(),
  /** Attendees per meeting held, as a share of the members at the range's end. */
  attendanceRate: rate,
  asked: z.number(),
  answered: z.number(),
  responseRate: rate,
});

export const dashboardSchema = z.object({
  community: z.object({ slug: z.string(), name: z.string() }),
  /** Members see a summary: the counts of the current period, no splits, no series, no rounds. */
  summaryOnly: z.boolean(),
  today: z.string(),
  bucket: z.enum(['day', 'week']),
  /** When the event log began: before it, who left (and joined and left) could not be recovered. */
  logBeganAt: z.string().nullable(),
  current: periodSchema,
  previous: periodSchema.nullable(),
  members: z.number(),
  active30: z.number(),
  active90: z.number(),
  participation30: rate,
  participation90: rate,
  byUnit: z.array(splitRowSchema),
  byKind: z.array(splitRowSchema),
  series: z.array(
    z.object({
      date: z.string(),
      members: z.number(),
      joined: z.number(),
      left: z.number(),
      active: z.number(),
      threads: z.number(),
      replies: z.number(),
    }),
  ),
  rounds: z.array(
    z.object({
      kind: z.enum(['ping', 'survey']),
      title: z.string(),
      round: z.number(),
      opensAt: z.string(),
      asked: z.number(),
      answered: z.number(),
      rate,
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const portfolioFlags = ['dormant', 'leaderless', 'growing'] as const;
/** How many communities a page of the portfolio holds. */
export const portfolioPageSize = 50;
export type PortfolioFlag = (typeof portfolioFlags)[number];
export const portfolioSorts = [
  'name',
  'members',
  'participation',
  'trend',
  'lastMeeting',
  'requests',
] as const;

export const portfolioQuery = z.object({
  flag: z.enum(portfolioFlags, 'dashboard.validation.flag').optional(),
  stage: z.enum(communityStages, 'dashboard.validation.stage').optional(),
  q: z.string().trim().max(100, 'dashboard.validation.search').optional(),
  sort: z.enum(portfolioSorts, 'dashboard.validation.sort').default('name'),
  order: z.enum(['asc', 'desc'], 'dashboard.validation.sort').default('asc'),
  /** A page of `portfolioPageSize` communities (from 1); without it, every community (the term report). */
  page: z.coerce
    .number('dashboard.validation.page')
    .int('dashboard.validation.page')
    .min(1, 'dashboard.validation.page')
    .max(100_000, 'dashboard.validation.page')
    .optional(),
});
export type PortfolioQuery = z.infer<typeof portfolioQuery>;

export const portfolioRowSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  stage: z.enum(communityStages),
  unitName: z.string().nullable(),
  members: z.number(),
  participation: rate,
  /** The change in participation (points of the share) against 30 days before; null without figures. */
  trend: z.number().nullable(),
  lastActiveDay: z.string().nullable(),
  lastMeetingAt: z.string().nullable(),
  openRequests: z.number(),
  flags: z.array(z.enum(portfolioFlags)),
});
export type PortfolioRow = z.infer<typeof portfolioRowSchema>;

export const dashboardRulesSchema = z.object({
  dormantDays: z.number(),
  growingPercent: z.number(),
});
export type DashboardRules = z.infer<typeof dashboardRulesSchema>;

export const dashboardRulesBody = z.strictObject({
  dormantDays: z
    .number('dashboard.validation.dormantDays')
    .int('dashboard.validation.dormantDays')
    .min(1, 'dashboard.validation.dormantDays')
    .max(dashboardLimits.dormantDaysMax, 'dashboard.validation.dormantDays'),
  growingPercent: z
    .number('dashboard.validation.growingPercent')
    .int('dashboard.validation.growingPercent')
    .min(1, 'dashboard.validation.growingPercent')
    .max(dashboardLimits.growingPercentMax, 'dashboard.validation.growingPercent'),
});

export const portfolioSchema = z.object({
  today: z.string(),
  rules: dashboardRulesSchema,
  totals: z.object({
    communities: z.number(),
    dormant: z.number(),
    leaderless: z.number(),
    growing: z.number(),
    openRequests: z.number(),
  }),
  /**
   * Per unit, staff and students (each kind apart): how many there are and how many are in a community.
   * Units with fewer than five of a kind count together in an `others` row, unnamed, as the dashboard's
   * splits do; that row's numbers are null while it holds fewer than five.
   */
  reach: z.array(
    z.object({
      unitName: z.string().nullable(),
      kind: z.enum(personKinds),
      others: z.boolean(),
      people: z.number().nullable(),
      inCommunity: z.number().nullable(),
    }),
  ),
  /** How many communities the filters match (the pages together). */
  shown: z.number(),
  /** The page answered, or null when every community was asked for. */
  page: z.number().nullable(),
  pageSize: z.number(),
  communities: z.array(portfolioRowSchema),
});
export type Portfolio = z.infer<typeof portfolioSchema>;

/** One entry of "what Copse records about me". */
export const myActivitySchema = z.object({
  id: z.string(),
  kind: z.enum(activityKinds),
  subjectType: z.string(),
  community: z.object({ slug: z.string(), name: z.string() }).nullable(),
  occurredAt: z.string(),
});
export type MyActivity = z.infer<typeof myActivitySchema>;
