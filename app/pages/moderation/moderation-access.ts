/** Who sees the Moderation tab: the community's leaders and co-leaders, and coordinators (the server decides). */
export function canSeeModeration(role: string | null, accountRole: string | undefined): boolean {
  return (
    role === 'leader' ||
    role === 'co_leader' ||
    accountRole === 'coordinator' ||
    accountRole === 'administrator'
  );
}
