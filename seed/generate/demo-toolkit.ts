import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ResourceKind, ResourceUseKind } from '../../common/enums.ts';
import { quoted } from '../../common/plain-text.ts';
import type { Db } from '../../server/db/client.ts';
import {
  collectionResources,
  resourceActivity,
  resources,
  resourceTopics,
  resourceUses,
  toolkitCollections,
  toolkitTopics,
} from '../../server/db/schema/index.ts';
import { parseVideoUrl } from '../../server/lib/video.ts';
import { bulkInsert } from './bulk-insert.ts';
import { type DemoCommunity, writeThreads } from './demo-discussions.ts';

/**
 * The demo's Toolkit (`npm run seed:demo`): in the first few demo communities (the demo member's own
 * first), topics with a sub-topic or two and sixteen resources of mixed kinds about the community's
 * topic (links, a YouTube talk that embeds, Markdown articles, templates and lesson plans as links to
 * documents: no files are written), some featured by a leader, one ordered collection, a few "I used
 * this" records and one resource's discussion. Views are recorded one person a day in
 * `resource_activity`, and `view_count` / `use_count` are set from those rows.
 */

const hour = 3_600_000;
const day = 24 * hour;

interface ResourceTemplate {
  kind: ResourceKind;
  title: string;
  description: string;
  url?: string;
  body?: string;
  /** 0: the topic itself, 1: its sub-topic "Case studies", 2: the community's second topic, 3: the sub-topic "Readings" (or the topic itself where there is none). */
  topic: 0 | 1 | 2 | 3;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The resources the communities can have (`plan` says which each gets). */
const templates: ResourceTemplate[] = [
  {
    kind: 'article',
    title: '{T}: a one-page guide for new colleagues',
    description: 'What {t} means in practice, why it is worth the effort and three ways to start next week.',
    topic: 0,
    body: [
      '## Why {t}',
      '',
      'Students learn most when they are active, know what good work looks like and get a chance to act on feedback. Across our modules, working on {t} has been one of the most reliable ways of building all three in.',
      '',
      '## Three ways to start',
      '',
      '1. **Make the criteria visible.** Spend ten minutes of a seminar looking at an anonymised example against the marking criteria.',
      '2. **Build in a checkpoint.** A short, low-stakes task in week 4 tells you and your students where they are.',
      '3. **Close the loop.** Ask students what they will do differently next time, and look for it in the next piece of work.',
      '',
      '## Further reading',
      '',
      'See the collection *Start here* in this Toolkit, and ask in Discussions: somebody has usually tried it already.',
    ].join('\n'),
  },
  {
    kind: 'template',
    title: 'Session plan template for {t}',
    description:
      'A two-page session plan (learning outcomes, timings, activities, how you will know it worked). Make a copy and adapt it.',
    url: 'https://docs.northfield.example/teaching/templates/session-plan-{s}.docx',
    topic: 0,
  },
  {
    kind: 'video',
    title: 'Carol Dweck: The power of believing that you can improve',
    description:
      'A ten-minute talk on "not yet" and growth mindset. We watched it before our meeting on feedback; a good way into our conversations about {t}.',
    url: 'https://www.youtube.com/watch?v=_X0mgOOSpLU',
    topic: 3,
  },
  {
    kind: 'lesson_plan',
    title: 'Lesson plan: a first seminar on {t} (90 minutes)',
    description:
      'A tried and tested first seminar for a cohort of 20–25, with timings, the handout and notes for teaching assistants.',
    url: 'https://docs.northfield.example/teaching/lesson-plans/first-seminar-{s}.pdf',
    topic: 0,
  },
  {
    kind: 'link',
    title: 'Advance HE Knowledge Hub',
    description:
      'Guides, case studies and frameworks on teaching in higher education; search it for {t}. Some items need an institutional login.',
    url: 'https://www.advance-he.ac.uk/knowledge-hub',
    topic: 2,
  },
  {
    kind: 'strategy_document',
    title: 'Faculty approach to {t} 2026–2029',
    description:
      'The agreed Faculty position and the three priorities for the next three years (consultation draft).',
    url: 'https://docs.northfield.example/strategy/{s}-2026-2029.pdf',
    topic: 2,
  },
  {
    kind: 'article',
    title: 'Case study: redesigning a large first-year module around {t}',
    description:
      'What changed, what students said, and what we would do differently, from a module of 240 students.',
    topic: 1,
    body: [
      '## The module',
      '',
      'A first-year core module of 240 students, two lectures and one seminar a week, four teaching assistants.',
      '',
      '## What we changed',
      '',
      '- Replaced one lecture a week with a structured activity in the seminar.',
      '- Introduced a formative task in week 4 with feedback from peers, using the shared rubric.',
      '- Briefed the teaching assistants together before term, and met them fortnightly.',
      '',
      '## What students said',
      '',
      '> "The week 4 task was the first time I understood what was expected of me."',
      '',
      'Pass rates rose from 86% to 91%; the module evaluation score for "I received useful feedback" rose from 3.4 to 4.1.',
    ].join('\n'),
  },
  {
    kind: 'tool',
    title: 'Padlet board for anonymous questions',
    description: 'How we use a Padlet wall so that quieter students can ask questions in large lectures.',
    url: 'https://padlet.com',
    topic: 2,
  },
  {
    kind: 'link',
    title: 'UDL Guidelines (CAST)',
    description:
      'The Universal Design for Learning guidelines: a checklist we use when planning any new activity.',
    url: 'https://udlguidelines.cast.org/',
    topic: 3,
  },
  {
    kind: 'template',
    title: 'Marking rubric template ({t})',
    description:
      'An editable rubric with four criteria and descriptors at each grade band, written with students.',
    url: 'https://docs.northfield.example/teaching/templates/rubric-{s}.xlsx',
    topic: 0,
  },
];

/**
 * Which templates each of the first five communities gets, and which are featured: seventeen in all,
 * none featured twice on one demo account's home page (the demo member's communities come first and
 * fourth, the administrator's second, third and fifth).
 */
const plan: { use: number; featured?: true }[][] = [
  [
    { use: 0, featured: true },
    { use: 1 },
    { use: 2, featured: true },
    { use: 3 },
    { use: 6 },
    { use: 4 },
    { use: 5 },
  ],
  [{ use: 6, featured: true }, { use: 9, featured: true }, { use: 3 }, { use: 8 }],
  [{ use: 0, featured: true }, { use: 7 }],
  [{ use: 6, featured: true }, { use: 8 }],
  [{ use: 1 }, { use: 5 }],
];

export interface SeedDemoToolkitResult {
  topics: number;
  resources: number;
  featured: number;
  collections: number;
  uses: number;
  /** The resource discussion's thread and replies. */
  threads: number;
  posts: number;
}

/** Plans and writes the demo Toolkit in the first few of the given communities. */
export async function seedDemoToolkit(
  db: Db,
  list: readonly DemoCommunity[],
  featured: readonly string[],
  now = new Date(),
): Promise<SeedDemoToolkitResult> {
  const topicRows: (typeof toolkitTopics.$inferInsert)[] = [];
  const resourceRows: (typeof resources.$inferInsert)[] = [];
  const filed: (typeof resourceTopics.$inferInsert)[] = [];
  const activity: (typeof resourceActivity.$inferInsert)[] = [];
  const created = now.getTime() - 120 * day;
  list.slice(0, plan.length).forEach((community, at) => {
    const lead = community.leaderIds.find((id) => featured.includes(id)) ?? community.leaderIds[0];
    const topic = community.topics[0] ?? 'teaching';
    const second = community.topics[1] ?? 'teaching resources';
    const fill = (text: string) =>
      text
        .replaceAll('{T}', topic.charAt(0).toUpperCase() + topic.slice(1))
        .replaceAll('{t}', topic)
        .replaceAll('{s}', slug(topic));
    // Two topics, the first with sub-topics (case studies and readings).
    const [main, sub, other, readings] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    topicRows.push(
      { id: main, communityId: community.id, parentId: null, name: topic, createdAt: new Date(created) },
      { id: other, communityId: community.id, parentId: null, name: second, createdAt: new Date(created) },
      {
        id: sub,
        communityId: community.id,
        parentId: main,
        name: 'Case studies',
        createdAt: new Date(created),
      },
      ...(at < 2
        ? [
            {
              id: readings,
              communityId: community.id,
              parentId: main,
              name: 'Readings',
              createdAt: new Date(created),
            },
          ]
        : []),
    );
    const topicIds = [main, sub, other, at < 2 ? readings : main] as const;
    (plan[at] ?? []).forEach((choice, k) => {
      const template = templates[choice.use] as ResourceTemplate;
      const id = randomUUID();
      const members = community.memberIds;
      // The demo member writes the first resource where they lead; members in turn write the rest.
      const authorId = k === 0 && lead ? lead : (members[(k * 3 + at) % members.length] ?? lead ?? null);
      const createdAt = new Date(now.getTime() - (70 - at * 9 - k * 8) * day - k * 5 * hour);
      const url = template.url ? fill(template.url) : null;
      const video = url && template.kind === 'video' ? parseVideoUrl(url) : undefined;
      const isFeatured = choice.featured === true;
      resourceRows.push({
        id,
        communityId: community.id,
        authorId,
        kind: template.kind,
        title: fill(template.title),
        description: fill(template.description),
        body: template.body ? fill(template.body) : '',
        url,
        videoProvider: video?.provider ?? null,
        videoId: video?.videoId ?? null,
        featuredAt: isFeatured ? new Date(createdAt.getTime() + 3 * day) : null,
        featuredBy: isFeatured ? (lead ?? null) : null,
        createdAt,
        updatedAt: createdAt,
      });
      const topicId = topicIds[template.topic];
      filed.push({ resourceId: id, topicId });
      // Filed under a sub-topic's parent too.
      if (topicId !== main && topicId !== other) filed.push({ resourceId: id, topicId: main });
      // Views: members, once a day each, more for the older and featured resources.
      const views = Math.min(members.length * 3, 4 + ((k * 7 + at * 5) % 17) + (isFeatured ? 12 : 0));
      for (let v = 0; v < views; v++) {
        const viewer = members[(v * 5 + k) % members.length];
        const when = new Date(createdAt.getTime() + (1 + Math.floor(v / members.length) + (v % 9)) * day);
        if (!viewer || when.getTime() > now.getTime()) continue;
        activity.push({ resourceId: id, userId: viewer, day: when.toISOString().slice(0, 10), kind: 'view' });
      }
    });
  });
  if (resourceRows.length === 0)
    return { topics: 0, resources: 0, featured: 0, collections: 0, uses: 0, threads: 0, posts: 0 };

  await bulkInsert(db, toolkitTopics, topicRows);
  await bulkInsert(db, resources, resourceRows);
  await bulkInsert(db, resourceTopics, filed, { onConflictDoNothing: true });
  await bulkInsert(db, resourceActivity, activity, { onConflictDoNothing: true });

  // One collection in the first community: the guide, the talk, the lesson plan and the template.
  const first = list[0];
  const firstResources = resourceRows.filter((row) => row.communityId === first?.id);
  const collectionId = randomUUID();
  const ordered = [0, 2, 3, 1].flatMap((index) => (firstResources[index] ? [firstResources[index]] : []));
  if (first && ordered.length > 0) {
    const topic = first.topics[0] ?? 'teaching';
    await bulkInsert(db, toolkitCollections, [
      {
        id: collectionId,
        communityId: first.id,
        title: 'Start here',
        description: `Four resources, in order, for anyone new to ${topic}: read the guide, watch the talk, try the first seminar, then plan your own.`,
        createdBy: first.leaderIds.find((id) => featured.includes(id)) ?? first.leaderIds[0] ?? null,
        createdAt: new Date(now.getTime() - 20 * day),
        updatedAt: new Date(now.getTime() - 20 * day),
      },
    ]);
    await bulkInsert(
      db,
      collectionResources,
      ordered.map((row, position) => ({
        collectionId,
        resourceId: row.id as string,
        position,
        addedAt: new Date(now.getTime() - 20 * day),
      })),
    );
  }

  // "I used this": the demo people and others record that they used or adapted resources of their
  // communities (not their own).
  const stories: { kind: ResourceUseKind; story: string }[] = [
    {
      kind: 'adapted',
      story:
        'Adapted the timings for a 60-minute slot and added a pair discussion at the start. Students engaged much better than with my old plan.',
    },
    {
      kind: 'used',
      story: 'Used it as it is with a seminar group of 22. It worked well; the handout was the best part.',
    },
    {
      kind: 'adapted',
      story: 'We rewrote two of the criteria with our students, which made the rubric feel like theirs.',
    },
    { kind: 'used', story: '' },
  ];
  const uses: (typeof resourceUses.$inferInsert)[] = [];
  resourceRows.slice(0, 10).forEach((row, index) => {
    if (index % 3 !== 1 && index !== 0) return;
    const community = list.find((candidate) => candidate.id === row.communityId);
    const user =
      featured.find((id) => id !== row.authorId && community?.memberIds.includes(id)) ??
      community?.memberIds.find((id) => id !== row.authorId);
    const story = stories[uses.length % stories.length];
    if (!user || !story || !row.createdAt) return;
    const at = new Date(Math.min(now.getTime() - day, (row.createdAt as Date).getTime() + 10 * day));
    uses.push({ resourceId: row.id as string, userId: user, ...story, createdAt: at, updatedAt: at });
  });
  await bulkInsert(db, resourceUses, uses);

  const ids = sql.join(
    resourceRows.map((row) => sql`${row.id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`
    update resources r set
      view_count = (select count(*)::int from resource_activity a where a.resource_id = r.id and a.kind = 'view'),
      use_count = (select count(*)::int from resource_uses u where u.resource_id = r.id)
    where r.id in (${ids})`);

  // The session plan template's discussion: started by a member, answered by its author.
  const template = resourceRows.find((row) => row.kind === 'template');
  const community = list.find((candidate) => candidate.id === template?.communityId);
  let discussion = { threads: 0, posts: 0 };
  if (template?.id && template.createdAt && community) {
    const starter =
      community.memberIds.find((id) => id !== template.authorId && !featured.includes(id)) ??
      community.memberIds[0];
    const author = (template.authorId as string | null) ?? starter;
    if (starter && author) {
      const startedAt = new Date((template.createdAt as Date).getTime() + 6 * day);
      discussion = await writeThreads(db, [
        {
          communityId: community.id,
          authorId: starter,
          kind: 'discussion',
          title: `About ${quoted(template.title, 190)}`,
          body: `Discussion of the Toolkit resource [${String(template.title).replace(/[[\]]/g, '')}](/resources/${template.id}).`,
          createdAt: startedAt,
          resourceId: template.id,
          replies: [
            {
              by: starter,
              after: 1,
              body: 'Thank you for this. Is the "how you will know it worked" section meant to be filled in before the session, or afterwards as a reflection?',
            },
            {
              by: author,
              parent: 0,
              after: 20,
              body: '> filled in before the session, or afterwards\n\nBoth: write down beforehand what you would expect to see if it works, then come back to it afterwards. That second step is the one people skip, and it is the most useful.',
              reactions: [{ by: starter, emoji: '🙏' }],
            },
          ],
          followers: [author],
        },
      ]);
    }
  }

  return {
    topics: topicRows.length,
    resources: resourceRows.length,
    featured: resourceRows.filter((row) => row.featuredAt).length,
    collections: ordered.length > 0 ? 1 : 0,
    uses: uses.length,
    ...discussion,
  };
}
