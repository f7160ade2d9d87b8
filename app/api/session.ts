/**
 * Remembers that the server ended this browser's session (a 401 while signed in: signed out elsewhere,
 * suspended, password changed), so the sign-in page can say why the visitor landed there.
 */
let ended = false;

export function markSessionEnded(): void {
  ended = true;
}

export function sessionWasEnded(): boolean {
  return ended;
}

export function clearSessionEnded(): void {
  ended = false;
}

// The idle time-out: every answer to a signed-in request says when the session ends if nothing else
// happens (the x-session-idle-expires header); session-timeout.tsx warns before that moment.
let idleDeadline: number | null = null;
const listeners = new Set<() => void>();

/** Records the deadline an answer announced (a header value, or null when the answer had none). */
export function noteIdleDeadline(header: string | null): void {
  if (!header) return;
  const deadline = Date.parse(header);
  if (Number.isNaN(deadline) || deadline === idleDeadline) return;
  idleDeadline = deadline;
  for (const listener of listeners) listener();
}

/** When the session ends without activity (milliseconds since 1970), or null when unknown. */
export function getIdleDeadline(): number | null {
  return idleDeadline;
}

export function subscribeIdleDeadline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
