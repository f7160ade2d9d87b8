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
