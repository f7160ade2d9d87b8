/** Skill-building sessions (#18 §5) through the typed client. */
import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from './typed-client.ts';

/** Upcoming sessions for one skill, or (without one) for the reader's expertise and interests. */
export function useSkillSessions(skill?: string) {
  return useQuery({
    queryKey: ['skill-sessions', skill ?? ''],
    queryFn: async () =>
      dataOf(await api.GET('/api/skill-sessions', { params: { query: skill ? { skill } : {} } })),
  });
}

/** Tags a meeting as a skill-building session with its skills (or untags it). */
export async function saveMeetingSkills(id: string, skillSession: boolean, skills: string[]) {
  return dataOf(
    await api.PUT('/api/meetings/{id}/skills', {
      params: { path: { id } },
      body: { skillSession, skills: skillSession ? skills : [] },
    }),
  );
}
