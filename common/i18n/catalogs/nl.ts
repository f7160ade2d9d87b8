// The Dutch catalog: every area's messages in one object. Generated shape; add an area here and in
// the other two languages' files. The web app's build compiles each JSON file (vite.config.ts).

import accessibility from './nl/accessibility.json' with { type: 'json' };
import admin from './nl/admin.json' with { type: 'json' };
import auth from './nl/auth.json' with { type: 'json' };
import calendar from './nl/calendar.json' with { type: 'json' };
import charter from './nl/charter.json' with { type: 'json' };
import common from './nl/common.json' with { type: 'json' };
import communities from './nl/communities.json' with { type: 'json' };
import contact from './nl/contact.json' with { type: 'json' };
import coordination from './nl/coordination.json' with { type: 'json' };
import discussions from './nl/discussions.json' with { type: 'json' };
import email from './nl/email.json' with { type: 'json' };
import enums from './nl/enums.json' with { type: 'json' };
import errors from './nl/errors.json' with { type: 'json' };
import home from './nl/home.json' with { type: 'json' };
import invitations from './nl/invitations.json' with { type: 'json' };
import layout from './nl/layout.json' with { type: 'json' };
import meetings from './nl/meetings.json' with { type: 'json' };
import moderation from './nl/moderation.json' with { type: 'json' };
import notifications from './nl/notifications.json' with { type: 'json' };
import notify from './nl/notify.json' with { type: 'json' };
import pages from './nl/pages.json' with { type: 'json' };
import people from './nl/people.json' with { type: 'json' };
import proposals from './nl/proposals.json' with { type: 'json' };
import search from './nl/search.json' with { type: 'json' };
import session from './nl/session.json' with { type: 'json' };
import settings from './nl/settings.json' with { type: 'json' };
import toolkit from './nl/toolkit.json' with { type: 'json' };
import validation from './nl/validation.json' with { type: 'json' };

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
