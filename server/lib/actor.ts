import type { PersonKind, UserRole } from '../../common/enums.ts';

/** The signed-in person making a request. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  /** staff, student or external: external people do not see institution-only communities. */
  kind: PersonKind;
  /** The language chosen on the profile (null: the institution's default); error answers use it. */
  language?: string | null;
  sessionId: string;
  /**
   * An external partner (#18 §4): belongs to communities only through project-only guest memberships,
   * so reaches nothing of Copse but their projects, their account and their notifications.
   */
  confinedToProjects?: boolean;
}

/** Coordinators (and administrators, who can do everything coordinators can) run the portfolio. */
export function isCoordinator(actor: Actor | null): boolean {
  return actor?.role === 'coordinator' || actor?.role === 'administrator';
}
