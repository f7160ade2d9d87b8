import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { communities, communityMembers, projects } from '../server/db/schema/index.ts';

/**
 * Projects (#18 §4) in the community the bench member leads: `count` projects (200 by default) of ten
 * members each, drawn from the community, and one the member leads with 30 milestones, 200 tasks and
 * 50 outputs. Set-based statements. Returns the project list and that project's page.
 */
export async function seedProjects(
  db: Db,
  leaderId: string,
  count = 200,
): Promise<{ projectListPaths: string[]; projectPaths: string[] }> {
  const [led] = await db
    .select({ id: communities.id, slug: communities.slug })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communityMembers.userId, leaderId), eq(communityMembers.role, 'leader')))
    .limit(1);
  if (!led) throw new Error('the bench member leads no community');
  await db.execute(sql`
    insert into projects (community_id, created_by, title, goal, created_at)
    select ${led.id}::uuid, ${leaderId}::uuid, 'Project ' || n, 'A shared goal, number ' || n || '.',
      now() - n * interval '1 minute'
    from generate_series(1, ${count}) n`);
  await db.execute(sql`
    with p as (select id, row_number() over (order by created_at desc) - 1 as i from projects
        where community_id = ${led.id}::uuid),
      m as (select user_id, row_number() over (order by user_id) - 1 as j, count(*) over () as total
        from community_members where community_id = ${led.id}::uuid and user_id <> ${leaderId}::uuid)
    insert into project_members (project_id, user_id, role)
    select p.id, m.user_id, 'member' from p join m on m.j >= (p.i * 9) % m.total and m.j < (p.i * 9) % m.total + 9
    union all select p.id, ${leaderId}::uuid, 'lead' from p where p.i = 0
    on conflict do nothing`);
  const [mine] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.communityId, led.id))
    .orderBy(sql`${projects.createdAt} desc`)
    .limit(1);
  if (!mine) throw new Error('no project');
  await db.execute(sql`
    insert into project_milestones (project_id, title, due_on)
    select ${mine.id}::uuid, 'Milestone ' || n, (now() + n * interval '14 days')::date from generate_series(1, 30) n`);
  await db.execute(sql`
    insert into project_tasks (project_id, title, owner_id, created_at)
    select ${mine.id}::uuid, 'Task ' || n, ${leaderId}::uuid, now() - n * interval '1 hour'
    from generate_series(1, 200) n`);
  await db.execute(sql`
    insert into project_outputs (project_id, kind, title, citation)
    select ${mine.id}::uuid, 'publication', 'Paper ' || n, 'Authors, ' || (2000 + n) || '.'
    from generate_series(1, 50) n`);
  await db.execute(
    sql`vacuum analyze projects, project_members, project_milestones, project_tasks, project_outputs`,
  );
  return {
    projectListPaths: [`/api/communities/${led.slug}/projects`],
    projectPaths: [`/api/projects/${mine.id}`],
  };
}
