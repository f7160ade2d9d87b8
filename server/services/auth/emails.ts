import { translator } from '../../lib/i18n.ts';
import { actionEmail } from '../mail/layout.ts';
import type { Letter } from '../mail/letterhead.ts';

export function confirmationEmail(letter: Letter, publicUrl: string, name: string, token: string) {
  const t = translator(letter.locale);
  return actionEmail({
    letter,
    subject: t._('email.confirm.subject'),
    greeting: t._('email.greeting.named', { name }),
    lines: [t._('email.confirm.line1'), t._('email.confirm.line2')],
    action: {
      label: t._('email.confirm.action'),
      url: `${publicUrl}/confirm-email?token=${encodeURIComponent(token)}`,
    },
    footer: t._('email.confirm.footer'),
  });
}

export function passwordResetEmail(letter: Letter, publicUrl: string, name: string, token: string) {
  const t = translator(letter.locale);
  return actionEmail({
    letter,
    subject: t._('email.reset.subject'),
    greeting: t._('email.greeting.named', { name }),
    lines: [t._('email.reset.line1'), t._('email.reset.line2')],
    action: {
      label: t._('email.reset.action'),
      url: `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
    },
    footer: t._('email.reset.footer'),
  });
}

export function passwordChangedEmail(letter: Letter, publicUrl: string, name: string) {
  const t = translator(letter.locale);
  return actionEmail({
    letter,
    subject: t._('email.passwordChanged.subject'),
    greeting: t._('email.greeting.named', { name }),
    lines: [t._('email.passwordChanged.line1')],
    action: { label: t._('email.passwordChanged.action'), url: `${publicUrl}/settings/sessions` },
    footer: t._('email.passwordChanged.footer'),
  });
}

export function signinLinkEmail(letter: Letter, publicUrl: string, name: string, token: string) {
  const t = translator(letter.locale);
  return actionEmail({
    letter,
    subject: t._('email.signinLink.subject'),
    greeting: t._('email.greeting.named', { name }),
    lines: [t._('email.signinLink.line1'), t._('email.signinLink.line2')],
    action: {
      label: t._('email.signinLink.action'),
      url: `${publicUrl}/signin-link?token=${encodeURIComponent(token)}`,
    },
    footer: t._('email.signinLink.footer'),
  });
}

export function signupAttemptEmail(letter: Letter, publicUrl: string, name: string) {
  const t = translator(letter.locale);
  return actionEmail({
    letter,
    subject: t._('email.signupAttempt.subject'),
    greeting: t._('email.greeting.named', { name }),
    lines: [t._('email.signupAttempt.line1'), t._('email.signupAttempt.line2')],
    action: { label: t._('email.signupAttempt.action'), url: `${publicUrl}/signin` },
    footer: t._('email.signupAttempt.footer'),
  });
}

/** Tells a person an administrator reset their two-factor sign-in (a lost phone, usually). */
export function twoFactorResetEmail(letter: Letter, publicUrl: string, name: string, adminName: string) {
  const t = translator(letter.locale);
  return actionEmail({
    letter,
    subject: t._('email.twoFactorReset.subject'),
    greeting: t._('email.greeting.named', { name }),
    lines: [t._('email.twoFactorReset.line1', { admin: adminName }), t._('email.twoFactorReset.line2')],
    action: { label: t._('email.twoFactorReset.action'), url: `${publicUrl}/settings/security` },
    footer: t._('email.twoFactorReset.footer'),
  });
}
