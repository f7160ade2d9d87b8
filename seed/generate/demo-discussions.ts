import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { ThreadKind } from '../../common/enums.ts';
import type { Db } from '../../server/db/client.ts';
import { posts, reactions, threadFollows, threadReads, threads } from '../../server/db/schema/index.ts';
import { bulkInsert } from './bulk-insert.ts';
import { loadMeetingCommunities, type MeetingCommunity } from './meetings.ts';

/**
 * The demo's discussions (`npm run seed:demo`): a handful of hand-written threads in each of the demo
 * accounts' communities and a few others, about the community's own topic, from its own members. A
 * pinned welcome announcement where a demo account leads, questions with a helpful answer marked,
 * replies nested one level and quoting with Markdown "> ", reactions and follows. Small enough to write
 * row by row in a few statements; the counters (reply count, last activity) are set from the posts.
 */

const hour = 3_600_000;
const day = 24 * hour;

export type DemoCommunity = MeetingCommunity;

/** A reply: `by` and `parent` are indexes into the cast and into the thread's replies. */
export interface PlannedReply {
  by: string;
  body: string;
  /** Index of the reply this one answers (one level only). */
  parent?: number;
  /** Hours after the thread was started. */
  after: number;
  reactions?: { by: string; emoji: string }[];
}

export interface PlannedThread {
  communityId: string;
  authorId: string;
  kind: ThreadKind;
  title: string;
  body: string;
  createdAt: Date;
  pinned?: boolean;
  /** Index of the reply marked helpful (questions). */
  helpful?: number;
  resourceId?: string;
  replies: PlannedReply[];
  reactions?: { by: string; emoji: string }[];
  /** Followers besides the author and the repliers (who follow automatically). */
  followers?: string[];
  /** People who have read the thread up to its last activity. */
  readers?: string[];
}

/**
 * The communities the demo content goes to: every living community of the featured people (the ones
 * they lead first), then the `others` biggest living communities they are not in.
 */
export async function loadDemoCommunities(
  db: Db,
  featured: readonly string[],
  others: number,
): Promise<DemoCommunity[]> {
  const living = (await loadMeetingCommunities(db)).filter((community) => community.stage !== 'archived');
  const leads = (community: DemoCommunity) => community.leaderIds.some((id) => featured.includes(id));
  const inIt = (community: DemoCommunity) => community.memberIds.some((id) => featured.includes(id));
  // The first featured person's communities before the second's, so the demo member's come first.
  const rank = (community: DemoCommunity) => {
    const first = featured.findIndex((id) => community.memberIds.includes(id));
    return (leads(community) ? 0 : 10) + (first < 0 ? 5 : first);
  };
  const theirs = living.filter(inIt).sort((a, b) => rank(a) - rank(b) || a.slug.localeCompare(b.slug));
  const rest = living
    .filter((community) => !inIt(community))
    .sort((a, b) => b.memberIds.length - a.memberIds.length || a.slug.localeCompare(b.slug))
    .slice(0, others);
  return [...theirs, ...rest];
}

interface Cast {
  /** The leader (the featured person where they lead). */
  lead: string;
  /** The featured person where they are a member, else another member. */
  asker: string;
  others: string[];
}

function castOf(community: DemoCommunity, featured: readonly string[]): Cast {
  const lead =
    community.leaderIds.find((id) => featured.includes(id)) ??
    community.leaderIds[0] ??
    community.memberIds[0];
  if (!lead) throw new Error(`${community.slug} has no members`);
  const rest = community.memberIds.filter((id) => id !== lead);
  const asker = featured.find((id) => rest.includes(id)) ?? rest[0] ?? lead;
  const others = rest.filter((id) => id !== asker);
  return { lead, asker, others: others.length > 0 ? others : [lead] };
}

const fill = (text: string, topic: string, name: string) =>
  text
    .replaceAll('{T}', topic.charAt(0).toUpperCase() + topic.slice(1))
    .replaceAll('{t}', topic)
    .replaceAll('{c}', name);

/** A thread template: people are named by role, `o1`… being the community's other members in turn. */
interface Template {
  kind: ThreadKind;
  title: string;
  body: string;
  by: 'lead' | 'asker' | 'o1' | 'o2' | 'o3';
  helpful?: number;
  replies: {
    by: 'lead' | 'asker' | 'o1' | 'o2' | 'o3' | 'o4';
    body: string;
    parent?: number;
    after: number;
  }[];
}

const welcome: Template = {
  kind: 'announcement',
  by: 'lead',
  title: 'Welcome to {c}: start here',
  body: [
    'Welcome, and thank you for joining. A few things that help this community work:',
    '',
    '- **Introduce yourself** in a reply below: where you teach, and what you would like to try with {t} this year.',
    '- **Ask early.** A half-formed question is welcome here; somebody has usually tried something similar.',
    '- **Share what worked and what did not.** Our Toolkit keeps the materials; the discussions keep the stories behind them.',
    '',
    'Our charter sets out what we are for and how we decide things. We meet once a month; the dates are on the Meetings tab.',
  ].join('\n'),
  replies: [
    {
      by: 'o1',
      after: 20,
      body: 'Hello all. I teach a second-year module of about 180 students and joined because I want to rethink how we use {t} in the seminars. Looking forward to the next meeting.',
    },
    {
      by: 'o2',
      after: 46,
      body: 'Hi everyone. Programme lead here; most of my interest is in how {t} looks across a whole programme rather than one module at a time.',
    },
    {
      by: 'lead',
      parent: 1,
      after: 50,
      body: '> how {t} looks across a whole programme\n\nThat is exactly the conversation we keep coming back to. Would you be willing to share a programme map at a meeting this term?',
    },
  ],
};

const callForContributions: Template = {
  kind: 'announcement',
  by: 'lead',
  title: 'Call for case studies: Learning and Teaching Conference',
  body: [
    'The university Learning and Teaching Conference is in June and we have been offered a **45-minute slot** as a community.',
    '',
    'We would like three short case studies (ten minutes each) on {t}: what you changed, what students said, and what you would do differently. Work in progress is very welcome.',
    '',
    'Reply here or message me by the end of next month. Co-presenting with a student partner is encouraged.',
  ].join('\n'),
  replies: [
    {
      by: 'o1',
      after: 30,
      body: 'I could talk about the redesigned coursework brief from last semester, with the mid-module check-in. Happy to co-present if someone has a related example.',
    },
  ],
};

const showAndTell: Template = {
  kind: 'announcement',
  by: 'lead',
  title: 'Next meeting: a show and tell on {t}',
  body: [
    'Our next meeting is a **show and tell**: bring one thing from your own teaching on {t} (an activity, a brief, a piece of feedback, a slide) and take five minutes to tell us how it went.',
    '',
    'No preparation beyond that, and no slides needed. The meeting is on the Meetings tab; please answer there so we know how many to expect.',
  ].join('\n'),
  replies: [
    {
      by: 'o2',
      after: 18,
      body: 'I will bring the one-minute paper we now use at the end of every workshop, and what students wrote on it.',
    },
  ],
};

const questions: Template[] = [
  {
    kind: 'question',
    by: 'asker',
    title: 'How do you make {t} work with a cohort of 200+?',
    body: 'I have been asked to bring more {t} into a first-year module with 230 students and four teaching assistants. Everything I read assumes groups of twenty. What has actually worked for you at this scale, and what did it cost in staff time?',
    helpful: 0,
    replies: [
      {
        by: 'o1',
        after: 5,
        body: [
          'We did this last year with 260 students. What made it manageable:',
          '',
          '1. **Fixed tutorial groups of 12** for the whole term, each with the same TA, so the TAs got to know the students.',
          '2. **One shared rubric**, written with the TAs in a one-hour briefing before teaching started.',
          '3. **A short calibration exercise** in week 3: every TA marked the same three pieces, and we talked about the differences.',
          '',
          'It cost roughly an extra hour a week for each TA, which we took from the end-of-term marking.',
        ].join('\n'),
      },
      {
        by: 'asker',
        parent: 0,
        after: 9,
        body: '> A short calibration exercise in week 3\n\nThis is the part I had not thought of. Did the TAs find it useful, or did it feel like being checked up on?',
      },
      {
        by: 'o1',
        parent: 0,
        after: 14,
        body: 'Useful, once we framed it as comparing notes rather than moderation. Two of them asked to do it again before the final assessment.',
      },
      {
        by: 'o2',
        after: 28,
        body: 'A different angle: we used peer review for the first round, with a checklist, and kept staff time for the second draft. Students were sceptical at first but the final pieces were noticeably better.',
      },
    ],
  },
  {
    kind: 'question',
    by: 'asker',
    title: 'Good first readings on {t} for new colleagues?',
    body: 'Two new lecturers are joining our department in September and both asked where to start with {t}. I would rather give them three good things than a list of thirty. What would you choose?',
    helpful: 1,
    replies: [
      {
        by: 'o2',
        after: 3,
        body: 'Whatever you choose, pair it with sitting in on a colleague’s session. The readings make much more sense once you have seen it done.',
      },
      {
        by: 'lead',
        after: 7,
        body: [
          'My three, in this order:',
          '',
          '- a short practical guide (our Toolkit has a one-page summary we wrote last year),',
          '- one good case study from a discipline close to theirs,',
          '- and one critical piece, so they see the debates and not only the enthusiasm.',
          '',
          'I am happy to meet them for coffee afterwards to talk it through.',
        ].join('\n'),
      },
      {
        by: 'asker',
        parent: 1,
        after: 12,
        body: 'Perfect, thank you. I will send them the Toolkit link and take you up on the coffee.',
      },
    ],
  },
  {
    kind: 'question',
    by: 'o1',
    title: 'Do we need ethics approval to evaluate a change in our own teaching?',
    body: 'I changed my approach to {t} this year and would like to write it up. I have survey responses and module evaluation data. Do I need ethics approval for this, and can I get it after the fact?',
    helpful: 0,
    replies: [
      {
        by: 'lead',
        after: 6,
        body: 'Yes for anything you intend to publish, and generally not retrospectively for data collected without consent for research. Module evaluation data is usually fine in aggregate; individual survey answers are not. The Faculty ethics officer is helpful and quick with pedagogic research.',
      },
      {
        by: 'o2',
        after: 20,
        body: '> generally not retrospectively\n\nWorth saying that you can still plan next year’s cohort properly and use this year as a pilot you describe without the data. That is what I did.',
      },
    ],
  },
];

const discussions: Template[] = [
  {
    kind: 'discussion',
    by: 'o1',
    title: 'A term in: what we learned about {t}',
    body: [
      'We finished our first full term of the new approach to {t} in the second-year core module. A quick reflection, in case it is useful:',
      '',
      '- Attendance held up better than in previous years.',
      '- Students needed much more structure in the first three weeks than we planned for.',
      '- The TAs were the key: where they were confident, the sessions worked.',
      '',
      'Has anyone else found the first few weeks the hardest part?',
    ].join('\n'),
    replies: [
      {
        by: 'asker',
        after: 10,
        body: 'Very much so. We now run a short "how this module works" session in week 1 and it has made a real difference.',
      },
      {
        by: 'o2',
        after: 26,
        body: '> Students needed much more structure in the first three weeks\n\nSame here. We started giving worked examples before asking them to do anything on their own, then took the scaffolding away gradually.',
      },
      {
        by: 'o1',
        parent: 1,
        after: 31,
        body: 'That is a good way of putting it. Did you do that in the lecture or in the seminars?',
      },
      {
        by: 'o2',
        parent: 1,
        after: 40,
        body: 'Seminars, with the same examples on the VLE afterwards for anyone who missed them.',
      },
    ],
  },
  {
    kind: 'discussion',
    by: 'lead',
    title: 'Student voice: what did your students say about {t}?',
    body: 'Module evaluations are in. Before our next meeting, could we gather what students said about {t}, good and bad? Short quotes are ideal (anonymised, please).',
    replies: [
      {
        by: 'o2',
        after: 8,
        body: '> "I finally understood what the marking criteria meant when we had to use them ourselves."\n\nThat one from a first-year student made my week.',
      },
      {
        by: 'o3',
        after: 22,
        body: 'The less comfortable one: several said they did not see how the activities connected to the exam. That is on us to make explicit.',
      },
      {
        by: 'lead',
        parent: 1,
        after: 27,
        body: 'Thank you for sharing that one. Shall we make "making the connection visible" the theme of the next meeting?',
      },
    ],
  },
  {
    kind: 'discussion',
    by: 'o2',
    title: '{T} and hourly-paid tutors: is the extra preparation sustainable?',
    body: 'Much of our seminar teaching is done by hourly-paid colleagues who are paid for the contact hours and a fixed amount of preparation. Everything we are discussing here takes more preparation. How are other departments handling this fairly?',
    replies: [
      {
        by: 'lead',
        after: 12,
        body: 'An important question, and one for the Learning and Teaching Committee as much as for us. In our School we now pay an extra preparation hour for the first run of any redesigned session.',
      },
      {
        by: 'o1',
        after: 30,
        body: 'Sharing materials properly helps too: one well-written session plan in the Toolkit saves every tutor from starting from scratch.',
      },
    ],
  },
  {
    kind: 'discussion',
    by: 'o3',
    title: 'Reading for next session: {T} in practice',
    body: 'For our next meeting we are reading a short practitioner article on {t} (linked in the Toolkit). Two questions to think about beforehand:\n\n1. Which of the examples could you try in your own teaching next term?\n2. What would get in the way?',
    replies: [
      {
        by: 'asker',
        after: 16,
        body: 'Read it on the train this morning. The second example would fit our lab classes almost as it is.',
      },
    ],
  },
];

const reactionSets = [['👍', '💡'], ['🙏'], ['👍', '❤️'], ['🎉'], ['💡', '🙏']] as const;

/** Plans the threads of the demo: an announcement or two and three or four threads a community. */
export function planDemoThreads(
  list: readonly DemoCommunity[],
  featured: readonly string[],
  now: Date,
): PlannedThread[] {
  const planned: PlannedThread[] = [];
  const pool = [...questions, ...discussions];
  list.forEach((community, at) => {
    const cast = castOf(community, featured);
    const other = (n: number) => cast.others[(at + n) % cast.others.length] ?? cast.lead;
    const who = (role: Template['replies'][number]['by']) =>
      role === 'lead' ? cast.lead : role === 'asker' ? cast.asker : other(Number(role.slice(1)) - 1);
    const topic = community.topics[0] ?? 'teaching';
    const featuredHere = community.memberIds.some((id) => featured.includes(id));
    const templates: Template[] = [];
    // A demo account that leads gets the pinned welcome; some communities a call for contributions.
    if (community.leaderIds.some((id) => featured.includes(id)) || at % 4 === 3) templates.push(welcome);
    if (at % 3 === 0) templates.push(at % 2 === 0 ? callForContributions : showAndTell);
    const count = featuredHere ? 4 : 3;
    for (let k = 0; k < count; k++) templates.push(pool[(at * 3 + k * 2) % pool.length] as Template);

    templates.forEach((template, k) => {
      // Spread over the last two months; the first community's threads are the freshest.
      const startedDaysAgo = 2 + ((at * 5 + k * 9) % 55) + (template === welcome ? 40 : 0);
      const createdAt = new Date(now.getTime() - startedDaysAgo * day - ((at * 7 + k * 3) % 12) * hour);
      const replies = template.replies
        .map(
          (reply, r): PlannedReply => ({
            by: who(reply.by),
            body: fill(reply.body, topic, community.name),
            ...(reply.parent === undefined ? {} : { parent: reply.parent }),
            after: reply.after,
            reactions: (reactionSets[(at + k + r) % reactionSets.length] ?? [])
              .slice(0, r % 2 === 0 ? 2 : 1)
              .map((emoji, e) => ({ by: e === 0 ? cast.lead : other(e + r), emoji })),
          }),
        )
        // No reply from the future: a thread started two days ago has only its first hours of replies.
        .filter((reply) => createdAt.getTime() + reply.after * hour < now.getTime() - hour);
      const author = who(template.by);
      planned.push({
        communityId: community.id,
        authorId: author,
        kind: template.kind,
        title: fill(template.title, topic, community.name),
        body: fill(template.body, topic, community.name),
        createdAt,
        pinned: template === welcome,
        ...(template.helpful !== undefined && template.helpful < replies.length
          ? { helpful: template.helpful }
          : {}),
        replies,
        reactions: [
          { by: other(2), emoji: '👍' },
          ...(k % 2 === 0 ? [{ by: other(3), emoji: template.kind === 'announcement' ? '🎉' : '💡' }] : []),
        ].filter((reaction) => reaction.by !== author),
        // The demo accounts follow a few threads they did not write, and have read some.
        followers: featured.filter((id) => community.memberIds.includes(id) && k === 1),
        readers: featured.filter((id) => community.memberIds.includes(id) && k % 2 === 0),
      });
    });
  });
  return planned;
}

/**
 * Writes planned threads with their replies, the helpful answers, reactions, follows (author, repliers
 * and the extra followers) and reads, then sets each thread's reply count and last activity from its
 * replies. Returns how many threads and replies were written.
 */
export async function writeThreads(
  db: Db,
  planned: readonly PlannedThread[],
): Promise<{ threads: number; posts: number }> {
  if (planned.length === 0) return { threads: 0, posts: 0 };
  const threadRows: (typeof threads.$inferInsert)[] = [];
  const topRows: (typeof posts.$inferInsert)[] = [];
  const nestedRows: (typeof posts.$inferInsert)[] = [];
  const reactionRows: (typeof reactions.$inferInsert)[] = [];
  const follows = new Map<string, typeof threadFollows.$inferInsert>();
  const reads: (typeof threadReads.$inferInsert)[] = [];
  const helpful: SQL[] = [];
  for (const thread of planned) {
    const threadId = randomUUID();
    const started = thread.createdAt.getTime();
    threadRows.push({
      id: threadId,
      communityId: thread.communityId,
      authorId: thread.authorId,
      kind: thread.kind,
      title: thread.title,
      body: thread.body,
      resourceId: thread.resourceId ?? null,
      pinnedAt: thread.pinned ? new Date(started + hour) : null,
      createdAt: thread.createdAt,
      lastActivityAt: thread.createdAt,
    });
    const follow = (userId: string, at: number) => {
      const key = `${threadId}:${userId}`;
      if (!follows.has(key)) follows.set(key, { threadId, userId, createdAt: new Date(at) });
    };
    follow(thread.authorId, started);
    for (const reaction of thread.reactions ?? []) {
      reactionRows.push({
        threadId,
        postId: null,
        userId: reaction.by,
        emoji: reaction.emoji,
        createdAt: new Date(started + 2 * hour),
      });
    }
    const ids = thread.replies.map(() => randomUUID());
    let last = started;
    thread.replies.forEach((reply, r) => {
      const at = started + reply.after * hour;
      last = Math.max(last, at);
      const parentId = reply.parent === undefined ? null : (ids[reply.parent] ?? null);
      (parentId ? nestedRows : topRows).push({
        id: ids[r],
        threadId,
        authorId: reply.by,
        parentId,
        body: reply.body,
        createdAt: new Date(at),
      });
      follow(reply.by, at);
      for (const reaction of reply.reactions ?? []) {
        if (reaction.by === reply.by) continue;
        reactionRows.push({
          threadId,
          postId: ids[r] ?? null,
          userId: reaction.by,
          emoji: reaction.emoji,
          createdAt: new Date(at + hour),
        });
      }
    });
    for (const userId of thread.followers ?? []) follow(userId, started + hour);
    for (const userId of thread.readers ?? []) reads.push({ threadId, userId, lastReadAt: new Date(last) });
    const helpfulId = thread.helpful === undefined ? undefined : ids[thread.helpful];
    if (helpfulId) helpful.push(sql`(${threadId}::uuid, ${helpfulId}::uuid)`);
  }

  await bulkInsert(db, threads, threadRows);
  await bulkInsert(db, posts, topRows);
  await bulkInsert(db, posts, nestedRows);
  await bulkInsert(db, reactions, reactionRows, { onConflictDoNothing: true });
  await bulkInsert(db, threadFollows, [...follows.values()], { onConflictDoNothing: true });
  await bulkInsert(db, threadReads, reads, { onConflictDoNothing: true });
  if (helpful.length > 0) {
    await db.execute(sql`
      update threads t set helpful_post_id = v.post_id
      from (values ${sql.join(helpful, sql`, `)}) as v (thread_id, post_id)
      where t.id = v.thread_id`);
  }
  const ids = sql.join(
    threadRows.map((row) => sql`${row.id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`
    update threads t set reply_count = c.replies, last_activity_at = greatest(t.created_at, c.last)
    from (select thread_id, count(*)::int as replies, max(created_at) as last from posts
      where thread_id in (${ids}) and deleted_at is null group by thread_id) c
    where c.thread_id = t.id`);
  return { threads: threadRows.length, posts: topRows.length + nestedRows.length };
}

/** Plans and writes the demo's discussions in the given communities. */
export async function seedDemoDiscussions(
  db: Db,
  list: readonly DemoCommunity[],
  featured: readonly string[],
  now = new Date(),
): Promise<{ threads: number; posts: number }> {
  return writeThreads(db, planDemoThreads(list, featured, now));
}
