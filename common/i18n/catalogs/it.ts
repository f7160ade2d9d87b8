// The Italian catalog: every area's messages in one object. Generated shape; add an area here and in
// the other two languages' files. The web app's build compiles each JSON file (vite.config.ts).

import accessibility from './it/accessibility.json' with { type: 'json' };
import admin from './it/admin.json' with { type: 'json' };
import auth from './it/auth.json' with { type: 'json' };
import calendar from './it/calendar.json' with { type: 'json' };
import charter from './it/charter.json' with { type: 'json' };
import common from './it/common.json' with { type: 'json' };
import communities from './it/communities.json' with { type: 'json' };
import contact from './it/contact.json' with { type: 'json' };
import coordination from './it/coordination.json' with { type: 'json' };
import discussions from './it/discussions.json' with { type: 'json' };
import email from './it/email.json' with { type: 'json' };
import enums from './it/enums.json' with { type: 'json' };
import errors from './it/errors.json' with { type: 'json' };
import home from './it/home.json' with { type: 'json' };
import invitations from './it/invitations.json' with { type: 'json' };
import layout from './it/layout.json' with { type: 'json' };
import meetings from './it/meetings.json' with { type: 'json' };
import moderation from './it/moderation.json' with { type: 'json' };
import notifications from './it/notifications.json' with { type: 'json' };
import notify from './it/notify.json' with { type: 'json' };
import pages from './it/pages.json' with { type: 'json' };
import people from './it/people.json' with { type: 'json' };
import proposals from './it/proposals.json' with { type: 'json' };
import search from './it/search.json' with { type: 'json' };
import session from './it/session.json' with { type: 'json' };
import settings from './it/settings.json' with { type: 'json' };
import toolkit from './it/toolkit.json' with { type: 'json' };
import validation from './it/validation.json' with { type: 'json' };

export default {
  ...accessibility,
  ...charter,
  ...common,
  ...enums,
  ...layout,
  ...auth,
  ...session,
  ...settings,
  ...home,
  ...communities,
  ...coordination,
  ...invitations,
  ...people,
  ...meetings,
  ...toolkit,
  ...proposals,
  ...discussions,
  ...moderation,
  ...admin,
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
