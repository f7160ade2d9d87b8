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

export function signinLinkEmail(publicUrl: string, name: string, token: string) {
  return actionEmail({
    subject: 'Your one-time link to sign in to Copse',
    greeting: `Hello ${name},`,
    lines: [
      'There have been many failed attempts to sign in to your Copse account, so signing in with the password is paused for up to an hour.',
      'To sign in now, use this link. It works once, for 15 minutes.',
    ],
    action: {
      label: 'Sign in to Copse',
      url: `${publicUrl}/signin-link?token=${encodeURIComponent(token)}`,
    },
    footer:
      'If the failed attempts were not you, someone may be guessing your password: choose a long password nobody could guess (Settings → Password), and tell your administrator.',
  });
}

export function signupAttemptEmail(publicUrl: string, name: string) {
  return actionEmail({
    subject: 'Someone tried to sign up to Copse with your address',
    greeting: `Hello ${name},`,
    lines: [
      'Someone just tried to create a Copse account with your email address. You already have one, so nothing was changed.',
      'If it was you, sign in instead, or reset your password if you have forgotten it.',
    ],
    action: { label: 'Sign in', url: `${publicUrl}/signin` },
    footer: 'If it was not you, you can ignore this email: your account and password stay as they are.',
  });
}
