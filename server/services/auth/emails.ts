import { actionEmail } from '../mail/templates.ts';

export function confirmationEmail(publicUrl: string, name: string, token: string) {
  return actionEmail({
    subject: 'Confirm your email address for Copse',
    greeting: `Hello ${name},`,
    lines: [
      'Please confirm your email address to finish setting up your Copse account.',
      'The link works for 48 hours.',
    ],
    action: {
      label: 'Confirm my email',
      url: `${publicUrl}/confirm-email?token=${encodeURIComponent(token)}`,
    },
    footer: 'If you did not sign up for Copse, ignore this email.',
  });
}

export function passwordResetEmail(publicUrl: string, name: string, token: string) {
  return actionEmail({
    subject: 'Reset your Copse password',
    greeting: `Hello ${name},`,
    lines: [
      'Someone (hopefully you) asked to reset the password of your Copse account.',
      'The link works for one hour.',
    ],
    action: {
      label: 'Choose a new password',
      url: `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
    },
    footer: 'If you did not ask for this, ignore this email: your password stays as it is.',
  });
}

export function passwordChangedEmail(publicUrl: string, name: string) {
  return actionEmail({
    subject: 'Your Copse password was changed',
    greeting: `Hello ${name},`,
    lines: ['The password of your Copse account was just changed, and your other sessions were signed out.'],
    action: { label: 'Review your sessions', url: `${publicUrl}/settings/sessions` },
    footer: 'If this was not you, reset your password now and tell your administrator.',
  });
}
