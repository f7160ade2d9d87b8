import type { Faker } from '@faker-js/faker';
import type { Audience, CommunityKind, CommunityStage, MeetingFormat } from '../../common/enums.ts';
import {
  activityItems,
  communityNamePatterns,
  communityPurposes,
  councilNamePatterns,
  councilPurposes,
  descriptionParagraphs,
  disciplineNamePatterns,
  intendedMembersByAudience,
  meetingPlans,
  objectiveItems,
  titleCase,
  unitDisciplines,
} from './community-vocabulary.ts';
import type { SeedUnit } from './people.ts';
import { educationTopics } from './vocabulary.ts';

export interface CommunityText {
  name: string;
  purpose: string;
  description: string;
  intendedMembers: string;
  meetingPlans: Record<MeetingFormat, string>;
  /** The first charter's objectives section (Markdown list). */
  objectives: string;
  topics: string[];
  unitId: string | null;
}

const fill = (template: string, words: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => words[key] ?? match);

/**
 * Name, purpose, description, topics and unit of one community. A third of the communities of
 * practice belong to one discipline ("Authentic Assessment in Law"), a third are run by a unit for the
 * whole university, a third by nobody in particular; councils mostly belong to a unit. Names are unique
 * (`usedNames` collects them, lower case).
 */
export function describeCommunity(
  faker: Faker,
  kind: CommunityKind,
  audience: Audience,
  units: readonly SeedUnit[],
  unitWeights: { weight: number; value: SeedUnit }[],
  usedNames: Set<string>,
): CommunityText {
  const teaching = units.filter((unit) => unitDisciplines[unit.name]);
  for (let attempt = 0; ; attempt++) {
    const [t = 'assessment', t2 = 'feedback', ...more] = faker.helpers.arrayElements(educationTopics, {
      min: 2,
      max: 4,
    });
    const roll = faker.number.float();
    const patterns =
      kind === 'council'
        ? councilNamePatterns
        : roll < 0.35 && teaching.length > 0
          ? disciplineNamePatterns
          : communityNamePatterns;
    const pattern = faker.helpers.arrayElement(patterns);
    const needsUnit = /\{[DU]\}/.test(pattern);
    let unit: SeedUnit | undefined;
    if (pattern.includes('{D}')) unit = faker.helpers.arrayElement(teaching);
    else if (needsUnit || (unitWeights.length > 0 && faker.number.float() < 0.5))
      unit = faker.helpers.weightedArrayElement(unitWeights);
    const discipline = unit ? unitDisciplines[unit.name] : undefined;
    const words = {
      T: titleCase(t),
      T2: titleCase(t2),
      t,
      t2,
      D: discipline ?? '',
      U: unit?.name ?? '',
      d: discipline ? `in ${discipline}` : 'across the university',
    };
    const name = fill(pattern, words);
    // After many attempts (a small vocabulary asked for many names) a number keeps names apart.
    const unique = attempt < 40 ? name : `${name} ${attempt - 38}`;
    if (usedNames.has(unique.toLowerCase())) continue;
    usedNames.add(unique.toLowerCase());
    const paragraphs = faker.helpers.arrayElements(descriptionParagraphs, { min: 1, max: 2 });
    const activities = faker.helpers.arrayElements(activityItems, { min: 2, max: 4 });
    const objectives = faker.helpers.arrayElements(objectiveItems, { min: 2, max: 4 });
    return {
      name: unique,
      purpose: fill(
        faker.helpers.arrayElement(kind === 'council' ? councilPurposes : communityPurposes),
        words,
      ),
      description: [
        ...paragraphs.map((paragraph) => fill(paragraph, words)),
        `What we do:\n\n${activities.map((item) => `- ${fill(item, words)}`).join('\n')}`,
      ].join('\n\n'),
      intendedMembers: fill(intendedMembersByAudience[audience], words),
      meetingPlans: {
        online: faker.helpers.arrayElement(meetingPlans.online),
        in_person: faker.helpers.arrayElement(meetingPlans.in_person),
        hybrid: faker.helpers.arrayElement(meetingPlans.hybrid),
      },
      objectives: objectives.map((item) => `- ${fill(item, words)}`).join('\n'),
      topics: [t, t2, ...more],
      unitId: unit?.id ?? null,
    };
  }
}

/** The stage a community was in before its current one (null for one still where it started). */
export function previousStage(stage: CommunityStage, faker: Faker): CommunityStage | null {
  switch (stage) {
    case 'potential':
    case 'coalescing':
      return null;
    case 'maturing':
      return 'coalescing';
    case 'stewardship':
      return 'maturing';
    case 'transformation':
      return 'stewardship';
    case 'archived':
      return faker.helpers.arrayElement(['maturing', 'stewardship', 'transformation'] as const);
  }
}
