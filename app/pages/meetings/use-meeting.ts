import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Meeting } from '../../api/types.ts';

/** One meeting with what the viewer may do (GET /api/meetings/:id). */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: keys.meeting(id),
    queryFn: () => apiGet<Meeting>(`/meetings/${id}`),
  });
}
