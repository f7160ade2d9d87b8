import { beforeAll, describe, expect, it } from 'vitest';
import { activityRoles } from '../../db/schema/index.ts';
import { createTestMeeting } from '../../test/meetings.ts';
import {
  type ActorName,
  type Context,
  canSee,
  contexts,
  createMatrixCommunity,
  type Endpoint,
  isMember,
  isStaff,
  leads,
  matrixMismatches,
  openMatrixWorld,
  signedIn,
  write,
} from '../../test/permission-matrix.ts';

/**
 * The permission matrix of the meeting endpoints (issue #4): who may see, schedule, edit, cancel,
 * answer, give roles, take attendance and write follow-up, for every kind of actor in public,
 * institution-only and private communities, active and archived. A member suspended from the community
 * sees its meetings and who answered, but answers, volunteers and schedules nothing. Expected statuses
 * are written from the rules, not read from the policy module.
 */

interface Fixture {
  slug: string;
  /** Tomorrow's meeting, scheduled by the leader. */
  upcoming: string;
  /** A meeting that started half an hour ago (attendance and notes). */
  started: string;
  coLeader: string;
  member: string;
  /** A role of the community's own. */
  activityRole: string;
}

/** Members' things (who answered, role suggestions): 401 signed out, 404 unseen, members and staff only. */
function membersOnly(actor: ActorName, context: Context): number {
  if (!signedIn(actor)) return 401;
  if (!canSee(actor, context)) return 404;
  return isMember(actor) || isStaff(actor) ? 200 : 403;
}
const read = (actor: ActorName, context: Context) => (canSee(actor, context) ? 200 : 404);

const endpoints: Endpoint<Fixture>[] = [
  {
    name: 'list',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/meetings` }),
    expected: read,
  },
  { name: 'read', method: 'GET', request: (f) => ({ url: `/api/meetings/${f.upcoming}` }), expected: read },
  {
    name: '.ics',
    method: 'GET',
    request: (f) => ({ url: `/api/meetings/${f.upcoming}/ics` }),
    expected: read,
  },
  {
    name: 'community feed',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/calendar.ics` }),
    expected: read,
  },
  {
    name: 'activity roles',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/activity-roles` }),
    expected: read,
  },
  {
    name: 'answers',
    method: 'GET',
    request: (f) => ({ url: `/api/meetings/${f.upcoming}/rsvps` }),
    expected: membersOnly,
  },
  {
    name: 'role suggestions',
    method: 'GET',
    request: (f) => ({ url: `/api/meetings/${f.upcoming}/role-suggestions` }),
    expected: membersOnly,
  },
  {
    name: 'schedule',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/meetings`,
      payload: {
        title: 'Planning',
        startsAt: '2031-05-06T10:00',
        endsAt: '2031-05-06T11:00',
        timeZone: 'UTC',
      },
    }),
    expected: (a, c) => write(a, c, leads(a), 201),
  },
  {
    name: 'edit',
    method: 'PATCH',
    mutates: true,
    request: (f) => ({ url: `/api/meetings/${f.upcoming}`, payload: { title: 'Renamed' } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'cancel',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/meetings/${f.upcoming}/cancel`, payload: { reason: 'Matrix' } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'RSVP',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/meetings/${f.upcoming}/rsvp`, payload: { answer: 'going' } }),
    expected: (a, c) => write(a, c, isMember(a)),
  },
  {
    name: 'give a role to someone else',
    method: 'PUT',
    mutates: true,
    request: (f) => ({
      url: `/api/meetings/${f.upcoming}/roles`,
      payload: { role: 'Facilitator', userId: f.coLeader },
    }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    // Volunteering: taking an open role oneself. Full members may; leaders and coordinators give roles
    // to anyone, but only members hold them (a coordinator from outside gets a field error).
    name: 'volunteer for a role',
    method: 'PUT',
    mutates: true,
    request: (f, actor) => ({
      url: `/api/meetings/${f.upcoming}/roles`,
      payload: { role: 'Note-taker', userId: actor === 'anonymous' ? f.member : world.people[actor].id },
    }),
    expected: (a, c) => {
      const allowed = write(a, c, (isMember(a) && a !== 'guest') || leads(a));
      return allowed === 200 && !isMember(a) ? 400 : allowed;
    },
  },
  {
    name: 'take attendance',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/meetings/${f.started}/attendance`, payload: { userIds: [f.member] } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'follow-up',
    method: 'PUT',
    mutates: true,
    request: (f) => ({ url: `/api/meetings/${f.started}/follow-up`, payload: { notes: 'We agreed.' } }),
    expected: (a, c) => write(a, c, leads(a)),
  },
  {
    name: 'start the follow-up discussion',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/meetings/${f.started}/discussion` }),
    expected: (a, c) => write(a, c, isMember(a) || isStaff(a), 201),
  },
  {
    name: 'add an activity role',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/activity-roles`, payload: { name: 'Timekeeper' } }),
    expected: (a, c) => write(a, c, leads(a), 201),
  },
  {
    name: 'remove an activity role',
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: `/api/communities/${f.slug}/activity-roles/${f.activityRole}` }),
    expected: (a, c) => write(a, c, leads(a)),
  },
];

const world = openMatrixWorld();

async function buildFixture(context: Context): Promise<Fixture> {
  const { people } = world;
  const db = world.t.app.deps.database.db;
  const community = await createMatrixCommunity(world, context);
  const upcoming = await createTestMeeting(db, community.id, { createdBy: people.leader.id });
  const started = await createTestMeeting(db, community.id, {
    startsInHours: -0.5,
    createdBy: people.leader.id,
  });
  const [role] = await db
    .insert(activityRoles)
    .values({ communityId: community.id, name: 'Scribe' })
    .returning({ id: activityRoles.id });
  return {
    slug: community.slug,
    upcoming: upcoming.id,
    started: started.id,
    coLeader: people.coLeader.id,
    member: people.member.id,
    activityRole: role?.id ?? '',
  };
}

describe.each(contexts)('meetings of a $visibility community (archived: $archived)', (context) => {
  let shared: Fixture;
  beforeAll(async () => {
    shared = await buildFixture(context);
  });

  it.each(endpoints)('$name answers every actor as the rules say', async (endpoint) => {
    const mismatches = await matrixMismatches(world.t, endpoint, context, world.cookies, shared, () =>
      buildFixture(context),
    );
    expect(mismatches).toBe('');
  });
});
