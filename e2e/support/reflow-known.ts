/**
 * Known reflow defects (WCAG 1.4.10) the journeys found at 320 CSS px, let through by expectAccessible
 * (fixtures.ts) until the app is fixed: each names the page (a pattern on the path) and the start of
 * the offending element's description as the check's message gives it ("tag.class "text""). The list
 * should only shrink: fix the app, then delete the entry.
 */
export interface KnownReflowDefect {
  page: RegExp;
  /** The start of the offending element's description. */
  element?: string;
  /**
   * The page re-renders another layout when it narrows and so closes an open dialog: the check is
   * skipped on it while a dialog is open (the journey could not go on), until the page keeps the dialog.
   */
  losesDialog?: boolean;
  /** What sticks out and why, for the person who fixes it. */
  note: string;
}

export const knownReflowDefects: KnownReflowDefect[] = [
  {
    page: /^\/communities\/[^/]+\/members$/,
    element: 'mantine-Alert-body "The invitation to ',
    note:
      'Members tab, after revoking an invitation: the confirmation alert names the email address, one ' +
      'long word that does not wrap, so the alert body sticks out (right edge at 328 px at 320 wide, ' +
      'open-invitations journey). Fix: overflow-wrap: anywhere on the alert text.',
  },
  {
    page: /^\/admin\/users$/,
    losesDialog: true,
    note:
      'Admin users page: below 62em it renders cards instead of the table (useMediaQuery), which unmounts ' +
      'each row’s controls, so an open Suspend or Make-administrator dialog closes and focus is lost when ' +
      'the window narrows or is zoomed (suspend and user-roles journeys). Fix: keep the dialog state above ' +
      'the layout switch, or switch the layout with CSS.',
  },
  {
    page: /^\/signup\/check-email$/,
    element: '"We sent an email to ',
    note:
      'Check-your-email page after signing up: the sentence’s address in bold is one long word that does not wrap ' +
      '(page 494 px wide at 320, signup journey). Fix: overflow-wrap: anywhere on it.',
  },
  {
    page: /^\/$/,
    element: '"Signed in as ',
    note:
      'Home page, signed in: "Signed in as <email>" does not wrap the address, one long word (page ' +
      '327–374 px wide at 320 with the journeys’ addresses; thread and signup journeys). Fix: ' +
      'overflow-wrap: anywhere on it.',
  },
  {
    page: /^\/contact$/,
    element: '"They will answer you at ',
    note:
      'Contact page: "They will answer you at <email>" does not wrap the address (right edge at 344 px ' +
      'at 320; contact journey). Fix: overflow-wrap: anywhere on it.',
  },
  {
    page: /^\/contact$/,
    element: '"The coordinators read every message and ',
    note:
      'Contact page after sending: "…answer by email at <email>" does not wrap the address (right edge ' +
      'at 398 px at 320; contact journey). Fix: overflow-wrap: anywhere on it.',
  },
  {
    page: /^\/(contact|signup\/check-email)$/,
    element: 'strong "',
    note:
      'The same addresses as above, named by their own element: the <strong> holding the address sticks ' +
      'out (right edge at 394 px at 320 on the contact page after sending; contact journey).',
  },
];
