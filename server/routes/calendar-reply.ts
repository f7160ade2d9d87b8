import type { FastifyReply } from 'fastify';

/** Calendar files: the viewer's own cache may keep them five minutes. */
export const feedCacheControl = 'private, max-age=300';

/** Sends an iCalendar file (inline for feeds, as a download for one meeting). */
export function sendCalendar(reply: FastifyReply, text: string | Buffer, filename: string, download = false) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('Cache-Control', feedCacheControl)
    .header('Content-Disposition', `${download ? 'attachment' : 'inline'}; filename="${filename}"`)
    .send(text);
}
