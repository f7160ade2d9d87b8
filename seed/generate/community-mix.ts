import type { Faker } from '@faker-js/faker';
import type {
  Audience,
  CommunityKind,
  CommunityStage,
  JoinPolicy,
  MeetingFormat,
  Visibility,
} from '../../common/enums.ts';

/**
 * How a generated campus's communities are mixed: kinds, stages, audiences, formats, visibilities and
 * join policies in believable proportions, ages and activity by stage, and a heavy-tailed size weight.
 */

const dayMs = 86_400_000;

const weighted = <T>(entries: [T, number][]) => entries.map(([value, weight]) => ({ value, weight }));

const stageWeights = weighted<CommunityStage>([
  ['potential', 4],
  ['coalescing', 18],
  ['maturing', 36],
  ['stewardship', 24],
  ['transformation', 6],
  ['archived', 12],
]);
/** How a stage scales a community's size: young and closing communities are small. */
const stageSizeFactor: Record<CommunityStage, number> = {
  potential: 0.15,
  coalescing: 0.5,
  maturing: 1.2,
  stewardship: 1.6,
  transformation: 0.8,
  archived: 0.6,
};
/** How many years ago communities of a stage were created, at least and at most. */
const stageAgeYears: Record<CommunityStage, [number, number]> = {
  potential: [0, 0.3],
  coalescing: [0.1, 1],
  maturing: [0.8, 3],
  stewardship: [2, 6],
  transformation: [2, 6],
  archived: [2, 7],
};
const formatWeights = weighted<MeetingFormat>([
  ['hybrid', 40],
  ['online', 35],
  ['in_person', 25],
]);
const audienceWeights = weighted<Audience>([
  ['everyone', 48],
  ['staff', 40],
  ['students', 12],
]);
const visibilityWeights = weighted<Visibility>([
  ['institution', 62],
  ['public', 25],
  ['private', 13],
]);
const joinPolicyWeights: Record<Visibility | 'council', { value: JoinPolicy; weight: number }[]> = {
  public: weighted<JoinPolicy>([
    ['open', 70],
    ['request', 22],
    ['invitation', 8],
  ]),
  institution: weighted<JoinPolicy>([
    ['open', 62],
    ['request', 28],
    ['invitation', 10],
  ]),
  private: weighted<JoinPolicy>([
    ['request', 40],
    ['invitation', 60],
  ]),
  council: weighted<JoinPolicy>([
    ['invitation', 70],
    ['request', 30],
  ]),
};
const leaderCounts = weighted([
  [1, 50],
  [2, 35],
  [3, 15],
]);

export interface CommunityMix {
  kind: CommunityKind;
  stage: CommunityStage;
  audience: Audience;
  format: MeetingFormat;
  visibility: Visibility;
  joinPolicy: JoinPolicy;
  requireGuidelines: boolean;
  createdAt: Date;
  lastActivityAt: Date;
  /** 1–3: the leader and co-leaders. */
  leaders: number;
  /** Whether one staff member is the community's sponsor. */
  sponsor: boolean;
  /** Relative size (Pareto, alpha 1): most communities small, a few with thousands of members. */
  sizeWeight: number;
}

/** One community's attributes. Councils are staff-led, mostly institution-only or private, by invitation. */
export function mixCommunity(faker: Faker, now: Date): CommunityMix {
  const kind: CommunityKind = faker.number.float() < 0.07 ? 'council' : 'community_of_practice';
  const council = kind === 'council';
  const stage = faker.helpers.weightedArrayElement(stageWeights);
  const audience: Audience = council
    ? faker.helpers.weightedArrayElement(
        weighted<Audience>([
          ['staff', 80],
          ['everyone', 20],
        ]),
      )
    : faker.helpers.weightedArrayElement(audienceWeights);
  const visibility: Visibility = council
    ? faker.helpers.weightedArrayElement(
        weighted<Visibility>([
          ['institution', 60],
          ['private', 40],
        ]),
      )
    : faker.helpers.weightedArrayElement(visibilityWeights);
  const [minAge, maxAge] = stageAgeYears[stage];
  const createdAt = faker.date.between({
    from: now.getTime() - maxAge * 365 * dayMs,
    to: now.getTime() - Math.max(minAge * 365, 1) * dayMs,
  });
  // Archived communities went quiet months ago; most others were active in the last month.
  const quietSince =
    stage === 'archived' ? undefined : now.getTime() - (faker.number.float() < 0.8 ? 30 : 300) * dayMs;
  const lastActivityAt = quietSince
    ? faker.date.between({ from: Math.max(createdAt.getTime(), quietSince), to: now })
    : faker.date.between({
        from: createdAt,
        to: Math.max(createdAt.getTime(), now.getTime() - 200 * dayMs),
      });
  return {
    kind,
    stage,
    audience,
    visibility,
    format: faker.helpers.weightedArrayElement(formatWeights),
    joinPolicy: faker.helpers.weightedArrayElement(joinPolicyWeights[council ? 'council' : visibility]),
    requireGuidelines: faker.number.float() < 0.15,
    createdAt,
    lastActivityAt,
    leaders: faker.helpers.weightedArrayElement(leaderCounts),
    sponsor: faker.number.float() < 0.25,
    sizeWeight:
      stageSizeFactor[stage] * (council ? 0.3 : 1) * faker.number.float({ min: 0.001, max: 1 }) ** -1,
  };
}
