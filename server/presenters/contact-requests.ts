import type { ContactRequestDetailRow, ContactRequestListRow } from '../queries/contact-requests.ts';

const person = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

/** A request in the coordinators' inbox: who wrote, about what, the first lines. */
export function presentContactRequestSummary(row: ContactRequestListRow) {
  return {
    id: row.id,
    topic: row.topic,
    name: row.name,
    email: row.email,
    hasAccount: row.senderId !== null,
    excerpt: row.excerpt,
    status: row.status,
    replyCount: row.replyCount,
    handledBy: person(row.handledById, row.handledByName),
    createdAt: row.createdAt.toISOString(),
    doneAt: row.doneAt?.toISOString() ?? null,
  };
}

/** One request with the whole message and every answer sent. */
export function presentContactRequest(row: ContactRequestDetailRow) {
  const { request } = row;
  return {
    id: request.id,
    topic: request.topic,
    name: request.name,
    email: request.email,
    message: request.message,
    sender: person(request.senderId, row.senderName),
    status: request.status,
    handledBy: person(request.handledBy, row.handledByName),
    replies: row.replies.map((reply) => ({
      id: reply.id,
      body: reply.body,
      author: person(reply.authorId, reply.authorName),
      createdAt: new Date(reply.createdAt).toISOString(),
    })),
    createdAt: request.createdAt.toISOString(),
    doneAt: request.doneAt?.toISOString() ?? null,
  };
}
