// The English (source) catalog, typed: every area file imported, so `tsc` knows each message id
// (message-id.ts). Add a new area here; the languages check fails when one is left out.

import accessibility from './en/accessibility.json' with { type: 'json' };
import admin from './en/admin.json' with { type: 'json' };
import audit from './en/audit.json' with { type: 'json' };
import auth from './en/auth.json' with { type: 'json' };
import calendar from './en/calendar.json' with { type: 'json' };
import charter from './en/charter.json' with { type: 'json' };
import checkins from './en/checkins.json' with { type: 'json' };
import circles from './en/circles.json' with { type: 'json' };
import common from './en/common.json' with { type: 'json' };
import communities from './en/communities.json' with { type: 'json' };
import contact from './en/contact.json' with { type: 'json' };
import coordination from './en/coordination.json' with { type: 'json' };
import dashboard from './en/dashboard.json' with { type: 'json' };
import dataexport from './en/dataexport.json' with { type: 'json' };
import discussions from './en/discussions.json' with { type: 'json' };
import email from './en/email.json' with { type: 'json' };
import enums from './en/enums.json' with { type: 'json' };
import errors from './en/errors.json' with { type: 'json' };
import home from './en/home.json' with { type: 'json' };
import invitations from './en/invitations.json' with { type: 'json' };
import kudos from './en/kudos.json' with { type: 'json' };
import layout from './en/layout.json' with { type: 'json' };
import meetings from './en/meetings.json' with { type: 'json' };
import mentoring from './en/mentoring.json' with { type: 'json' };
import milestones from './en/milestones.json' with { type: 'json' };
import moderation from './en/moderation.json' with { type: 'json' };
import notifications from './en/notifications.json' with { type: 'json' };
import notify from './en/notify.json' with { type: 'json' };
import pages from './en/pages.json' with { type: 'json' };
import people from './en/people.json' with { type: 'json' };
import pings from './en/pings.json' with { type: 'json' };
import portfolio from './en/portfolio.json' with { type: 'json' };
import projects from './en/projects.json' with { type: 'json' };
import proposals from './en/proposals.json' with { type: 'json' };
import search from './en/search.json' with { type: 'json' };
import session from './en/session.json' with { type: 'json' };
import settings from './en/settings.json' with { type: 'json' };
import sso from './en/sso.json' with { type: 'json' };
import stories from './en/stories.json' with { type: 'json' };
import succession from './en/succession.json' with { type: 'json' };
import suggestions from './en/suggestions.json' with { type: 'json' };
import toolkit from './en/toolkit.json' with { type: 'json' };
import twofactor from './en/twofactor.json' with { type: 'json' };
import validation from './en/validation.json' with { type: 'json' };

export default {
  ...accessibility,
  ...charter,
  ...common,
  ...enums,
  ...kudos,
  ...layout,
  ...auth,
  ...session,
  ...settings,
  ...sso,
  ...twofactor,
  ...home,
  ...milestones,
  ...pings,
  ...checkins,
  ...dashboard,
  ...dataexport,
  ...portfolio,
  ...stories,
  ...suggestions,
  ...circles,
  ...projects,
  ...succession,
  ...communities,
  ...coordination,
  ...invitations,
  ...people,
  ...meetings,
  ...mentoring,
  ...toolkit,
  ...proposals,
  ...discussions,
  ...moderation,
  ...admin,
  ...audit,
  ...search,
  ...notifications,
  ...contact,
  ...notify,
  ...pages,
  ...errors,
  ...validation,
  ...email,
  ...calendar,
};
