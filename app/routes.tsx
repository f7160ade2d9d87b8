import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useInstitution } from './api/queries.ts';
import { AppLayout } from './components/app-layout.tsx';
import {
  RequireAdministrator,
  RequireAnonymous,
  RequireCoordinator,
  RequireSignedIn,
} from './components/guards.tsx';
import { LoadError, PageLoader } from './components/page-states.tsx';
import { RouteErrorPage } from './pages/route-error-page.tsx';

/**
 * A route whose component is in a chunk of its own, loaded when the route is first matched: the first
 * load downloads the shell and the page it opens, not every page. While a later page's chunk loads, the
 * current page stays and the header shows a progress bar (AppLayout); a chunk that fails to load (a new
 * release removed it) shows RouteErrorPage, whose Reload fetches the new release.
 */
function page<Name extends string>(
  load: () => Promise<{ [Key in Name]: ComponentType }>,
  name: Name,
): () => Promise<{ Component: ComponentType }> {
  return async () => ({ Component: (await load())[name] });
}

/** While the one-time set-up is to do, every route leads to it; afterwards /setup leads home. */
function SetupGate() {
  const institution = useInstitution();
  const location = useLocation();
  if (institution.isPending) return <PageLoader />;
  if (institution.isError) {
    return <LoadError error={institution.error} onRetry={() => void institution.refetch()} />;
  }
  const onSetup = location.pathname === '/setup';
  if (institution.data.setupNeeded && !onSetup) return <Navigate to="/setup" replace />;
  if (!institution.data.setupNeeded && onSetup) return <Navigate to="/" replace />;
  return <Outlet />;
}

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <SetupGate />,
        errorElement: <RouteErrorPage />,
        children: [
          { path: '/', lazy: page(() => import('./pages/home-page.tsx'), 'HomePage') },
          { path: '/setup', lazy: page(() => import('./pages/setup-page.tsx'), 'SetupPage') },
          // Communities are public: the server shows visitors the public ones only.
          {
            path: '/communities',
            lazy: page(() => import('./pages/communities/directory-page.tsx'), 'DirectoryPage'),
          },
          {
            path: '/communities/:slug',
            lazy: page(() => import('./pages/communities/community-layout.tsx'), 'CommunityLayout'),
            children: [
              { index: true, lazy: page(() => import('./pages/communities/about-tab.tsx'), 'AboutTab') },
              {
                path: 'charter',
                lazy: page(() => import('./pages/communities/charter-tab.tsx'), 'CharterTab'),
              },
              {
                path: 'members',
                lazy: page(() => import('./pages/communities/members-tab.tsx'), 'MembersTab'),
              },
              {
                path: 'discussions',
                lazy: page(() => import('./pages/discussions/discussions-tab.tsx'), 'DiscussionsTab'),
              },
              {
                path: 'meetings',
                lazy: page(() => import('./pages/meetings/meetings-tab.tsx'), 'MeetingsTab'),
              },
              {
                path: 'meetings/new',
                lazy: page(() => import('./pages/meetings/new-meeting-page.tsx'), 'NewMeetingPage'),
              },
              { path: 'toolkit', lazy: page(() => import('./pages/toolkit/toolkit-tab.tsx'), 'ToolkitTab') },
              { path: 'pings', lazy: page(() => import('./pages/pings/pings-tab.tsx'), 'PingsTab') },
              {
                path: 'pings/new',
                lazy: page(() => import('./pages/pings/new-ping-page.tsx'), 'NewPingPage'),
              },
              {
                path: 'checkins',
                lazy: page(() => import('./pages/checkins/checkins-tab.tsx'), 'CheckinsTab'),
              },
              {
                path: 'checkins/new',
                lazy: page(() => import('./pages/checkins/new-checkin-page.tsx'), 'NewCheckinPage'),
              },
              {
                path: 'stories',
                lazy: page(() => import('./pages/stories/stories-tab.tsx'), 'StoriesTab'),
              },
              {
                path: 'stories/new',
                lazy: page(() => import('./pages/stories/new-story-page.tsx'), 'NewStoryPage'),
              },
              {
                path: 'circles',
                lazy: page(() => import('./pages/circles/circles-tab.tsx'), 'CirclesTab'),
              },
              {
                path: 'projects',
                lazy: page(() => import('./pages/projects/projects-tab.tsx'), 'ProjectsTab'),
              },
              {
                path: 'leadership',
                lazy: page(() => import('./pages/succession/leadership-tab.tsx'), 'LeadershipTab'),
              },
              {
                path: 'moderation',
                lazy: page(() => import('./pages/moderation/moderation-tab.tsx'), 'ModerationTab'),
              },
              {
                path: 'dashboard',
                lazy: page(() => import('./pages/dashboard/dashboard-tab.tsx'), 'DashboardTab'),
              },
              {
                path: 'edit',
                lazy: page(() => import('./pages/communities/edit-community-page.tsx'), 'EditCommunityPage'),
              },
            ],
          },
          // A public community's meetings are public too; the server decides who sees each one.
          {
            path: '/meetings/:id',
            lazy: page(() => import('./pages/meetings/meeting-page.tsx'), 'MeetingPage'),
          },
          // Threads of public communities are public; the server decides who reads each one.
          {
            path: '/discussions/:id',
            lazy: page(() => import('./pages/discussions/thread-page.tsx'), 'ThreadPage'),
          },
          // A value story: the server decides who reads it (the community's members).
          { path: '/stories/:id', lazy: page(() => import('./pages/stories/story-page.tsx'), 'StoryPage') },
          // Resources and collections of public communities are public; the server decides who reads each.
          {
            path: '/resources/:id',
            lazy: page(() => import('./pages/toolkit/resource-page.tsx'), 'ResourcePage'),
          },
          {
            path: '/toolkit/collections/:id',
            lazy: page(() => import('./pages/toolkit/collection-page.tsx'), 'CollectionPage'),
          },
          {
            path: '/invitations/:token',
            lazy: page(() => import('./pages/invitations/invitation-page.tsx'), 'InvitationPage'),
          },
          // Anyone may write to the coordinators; signed out, with a name and an email.
          {
            path: '/account-deleted',
            lazy: page(() => import('./pages/settings/delete-account-page.tsx'), 'AccountDeletedPage'),
          },
          { path: '/contact', lazy: page(() => import('./pages/contact-page.tsx'), 'ContactPage') },
          {
            path: '/accessibility',
            lazy: page(() => import('./pages/accessibility-page.tsx'), 'AccessibilityPage'),
          },
          { path: '/search', lazy: page(() => import('./pages/search/search-page.tsx'), 'SearchPage') },
          // A choice's link in a Ping's email: answers after one more press, signed in or not.
          {
            path: '/pings/answer/:token',
            lazy: page(() => import('./pages/pings/answer-link-page.tsx'), 'AnswerLinkPage'),
          },
          // From a notification email: anyone holding the link, signed in or not.
          {
            path: '/unsubscribe/:token',
            lazy: page(() => import('./pages/unsubscribe-page.tsx'), 'UnsubscribePage'),
          },
          {
            path: '/confirm-email',
            lazy: page(() => import('./pages/auth/confirm-email-page.tsx'), 'ConfirmEmailPage'),
          },
          {
            path: '/reset-password',
            lazy: page(() => import('./pages/auth/reset-password-page.tsx'), 'ResetPasswordPage'),
          },
          {
            path: '/forgot-password',
            lazy: page(() => import('./pages/auth/forgot-password-page.tsx'), 'ForgotPasswordPage'),
          },
          {
            element: <RequireAnonymous />,
            children: [
              { path: '/signin', lazy: page(() => import('./pages/auth/sign-in-page.tsx'), 'SignInPage') },
              { path: '/signup', lazy: page(() => import('./pages/auth/sign-up-page.tsx'), 'SignUpPage') },
              {
                path: '/signup/check-email',
                lazy: page(() => import('./pages/auth/check-email-page.tsx'), 'CheckEmailPage'),
              },
              {
                path: '/signin-link',
                lazy: page(() => import('./pages/auth/signin-link-page.tsx'), 'SigninLinkPage'),
              },
              {
                path: '/signin/sso-link',
                lazy: page(() => import('./pages/auth/sso-link-page.tsx'), 'SsoLinkPage'),
              },
            ],
          },
          {
            element: <RequireSignedIn />,
            children: [
              { path: '/people', lazy: page(() => import('./pages/people/people-page.tsx'), 'PeoplePage') },
              {
                path: '/people/:id',
                lazy: page(() => import('./pages/people/person-page.tsx'), 'PersonPage'),
              },
              { path: '/pings/:id', lazy: page(() => import('./pages/pings/ping-page.tsx'), 'PingPage') },
              {
                path: '/circles/:id',
                lazy: page(() => import('./pages/circles/circle-page.tsx'), 'CirclePage'),
              },
              {
                path: '/projects',
                lazy: page(() => import('./pages/projects/my-projects-page.tsx'), 'MyProjectsPage'),
              },
              {
                path: '/projects/:id',
                lazy: page(() => import('./pages/projects/project-page.tsx'), 'ProjectPage'),
              },
              {
                path: '/checkins/:id',
                lazy: page(() => import('./pages/checkins/checkin-page.tsx'), 'CheckinPage'),
              },
              {
                path: '/checkins/:id/results',
                lazy: page(() => import('./pages/checkins/results-page.tsx'), 'CheckinResultsPage'),
              },
              {
                path: '/mentoring',
                lazy: page(() => import('./pages/mentoring/mentoring-page.tsx'), 'MentoringPage'),
              },
              {
                path: '/skill-sessions',
                lazy: page(() => import('./pages/mentoring/skill-sessions.tsx'), 'SkillSessionsPage'),
              },
              {
                path: '/mentoring/pairs/:id',
                lazy: page(() => import('./pages/mentoring/pair-page.tsx'), 'PairPage'),
              },
              {
                path: '/notifications',
                lazy: page(() => import('./pages/notifications-page.tsx'), 'NotificationsPage'),
              },
              {
                path: '/calendar',
                lazy: page(() => import('./pages/meetings/calendar-page.tsx'), 'CalendarPage'),
              },
              {
                path: '/meetings/:id/edit',
                lazy: page(() => import('./pages/meetings/edit-meeting-page.tsx'), 'EditMeetingPage'),
              },
              {
                path: '/proposals',
                lazy: page(() => import('./pages/proposals/proposals-page.tsx'), 'ProposalsPage'),
              },
              {
                path: '/proposals/new',
                lazy: page(() => import('./pages/proposals/new-proposal-page.tsx'), 'NewProposalPage'),
              },
              {
                path: '/proposals/:id',
                lazy: page(() => import('./pages/proposals/proposal-page.tsx'), 'ProposalPage'),
              },
              {
                path: '/proposals/:id/edit',
                lazy: page(() => import('./pages/proposals/edit-proposal-page.tsx'), 'EditProposalPage'),
              },
              {
                path: '/coordination',
                element: <RequireCoordinator />,
                children: [
                  {
                    lazy: page(() => import('./components/coordination-layout.tsx'), 'CoordinationLayout'),
                    children: [
                      { index: true, element: <Navigate to="/coordination/proposals" replace /> },
                      {
                        path: 'proposals',
                        lazy: page(
                          () => import('./pages/coordination/proposal-queue-page.tsx'),
                          'ProposalQueuePage',
                        ),
                      },
                      {
                        path: 'inbox',
                        lazy: page(() => import('./pages/coordination/inbox-page.tsx'), 'InboxPage'),
                      },
                      {
                        path: 'inbox/:id',
                        lazy: page(
                          () => import('./pages/coordination/contact-request-page.tsx'),
                          'ContactRequestPage',
                        ),
                      },
                      {
                        path: 'reports',
                        lazy: page(
                          () => import('./pages/moderation/coordinator-reports-page.tsx'),
                          'CoordinatorReportsPage',
                        ),
                      },
                      {
                        path: 'portfolio',
                        lazy: page(() => import('./pages/dashboard/portfolio-page.tsx'), 'PortfolioPage'),
                      },
                      {
                        path: 'portfolio/report',
                        lazy: page(() => import('./pages/dashboard/term-report-page.tsx'), 'TermReportPage'),
                      },
                      {
                        path: 'mentoring',
                        lazy: page(
                          () => import('./pages/mentoring/pairings-page.tsx'),
                          'MentoringPairingsPage',
                        ),
                      },
                    ],
                  },
                ],
              },
              // The server's notifications about contact requests use the API's path.
              {
                path: '/coordinator/contact-requests',
                lazy: page(() => import('./pages/coordination/inbox-page.tsx'), 'ContactRequestRedirect'),
              },
              {
                path: '/coordinator/contact-requests/:id',
                lazy: page(() => import('./pages/coordination/inbox-page.tsx'), 'ContactRequestRedirect'),
              },
              {
                path: '/settings',
                lazy: page(() => import('./components/settings-layout.tsx'), 'SettingsLayout'),
                children: [
                  { index: true, element: <Navigate to="/settings/profile" replace /> },
                  {
                    path: 'profile',
                    lazy: page(
                      () => import('./pages/settings/profile-settings-page.tsx'),
                      'ProfileSettingsPage',
                    ),
                  },
                  {
                    path: 'password',
                    lazy: page(
                      () => import('./pages/settings/password-settings-page.tsx'),
                      'PasswordSettingsPage',
                    ),
                  },
                  {
                    path: 'security',
                    lazy: page(
                      () => import('./pages/settings/two-factor-settings-page.tsx'),
                      'TwoFactorSettingsPage',
                    ),
                  },
                  {
                    path: 'sessions',
                    lazy: page(
                      () => import('./pages/settings/sessions-settings-page.tsx'),
                      'SessionsSettingsPage',
                    ),
                  },
                  {
                    path: 'notifications',
                    lazy: page(
                      () => import('./pages/settings/notification-settings-page.tsx'),
                      'NotificationSettingsPage',
                    ),
                  },
                  {
                    path: 'your-data',
                    lazy: page(() => import('./pages/settings/your-data-page.tsx'), 'YourDataPage'),
                  },
                  {
                    path: 'delete-account',
                    lazy: page(() => import('./pages/settings/delete-account-page.tsx'), 'DeleteAccountPage'),
                  },
                  {
                    path: 'record',
                    lazy: page(() => import('./pages/dashboard/my-record-page.tsx'), 'MyRecordPage'),
                  },
                ],
              },
              {
                path: '/admin',
                element: <RequireAdministrator />,
                children: [
                  {
                    lazy: page(() => import('./components/admin-layout.tsx'), 'AdminLayout'),
                    children: [
                      {
                        index: true,
                        lazy: page(() => import('./pages/admin/overview-page.tsx'), 'AdminOverviewPage'),
                      },
                      {
                        path: 'institution',
                        lazy: page(
                          () => import('./pages/admin/institution-page.tsx'),
                          'AdminInstitutionPage',
                        ),
                      },
                      {
                        path: 'portfolio-rules',
                        lazy: page(() => import('./pages/dashboard/rules-page.tsx'), 'PortfolioRulesPage'),
                      },
                      {
                        path: 'units',
                        lazy: page(() => import('./pages/admin/units-page.tsx'), 'AdminUnitsPage'),
                      },
                      {
                        path: 'users',
                        lazy: page(() => import('./pages/admin/users-page.tsx'), 'AdminUsersPage'),
                      },
                      {
                        path: 'charter-template',
                        lazy: page(
                          () => import('./pages/admin/charter-template-page.tsx'),
                          'AdminCharterTemplatePage',
                        ),
                      },
                      {
                        path: 'mail',
                        lazy: page(() => import('./pages/admin/mail-page.tsx'), 'AdminMailPage'),
                      },
                      {
                        path: 'mail/:id',
                        lazy: page(
                          () => import('./pages/admin/mail-message-page.tsx'),
                          'AdminMailMessagePage',
                        ),
                      },
                      {
                        path: 'identity-providers',
                        lazy: page(
                          () => import('./pages/admin/identity-providers-page.tsx'),
                          'AdminIdentityProvidersPage',
                        ),
                      },
                      {
                        path: 'audit',
                        lazy: page(() => import('./pages/admin/audit-page.tsx'), 'AdminAuditPage'),
                      },
                      {
                        path: 'backups',
                        lazy: page(() => import('./pages/admin/backups-page.tsx'), 'AdminBackupsPage'),
                      },
                    ],
                  },
                ],
              },
            ],
          },
          { path: '*', lazy: page(() => import('./pages/not-found-page.tsx'), 'NotFoundPage') },
        ],
      },
    ],
  },
]);
