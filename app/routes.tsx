import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useInstitution } from './api/queries.ts';
import { AdminLayout } from './components/admin-layout.tsx';
import { AppLayout } from './components/app-layout.tsx';
import { CoordinationLayout } from './components/coordination-layout.tsx';
import {
  RequireAdministrator,
  RequireAnonymous,
  RequireCoordinator,
  RequireSignedIn,
} from './components/guards.tsx';
import { LoadError, PageLoader } from './components/page-states.tsx';
import { SettingsLayout } from './components/settings-layout.tsx';
import { AdminAuditPage } from './pages/admin/audit-page.tsx';
import { AdminCharterTemplatePage } from './pages/admin/charter-template-page.tsx';
import { AdminInstitutionPage } from './pages/admin/institution-page.tsx';
import { AdminMailMessagePage } from './pages/admin/mail-message-page.tsx';
import { AdminMailPage } from './pages/admin/mail-page.tsx';
import { AdminOverviewPage } from './pages/admin/overview-page.tsx';
import { AdminUnitsPage } from './pages/admin/units-page.tsx';
import { AdminUsersPage } from './pages/admin/users-page.tsx';
import { CheckEmailPage } from './pages/auth/check-email-page.tsx';
import { ConfirmEmailPage } from './pages/auth/confirm-email-page.tsx';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page.tsx';
import { ResetPasswordPage } from './pages/auth/reset-password-page.tsx';
import { SignInPage } from './pages/auth/sign-in-page.tsx';
import { SignUpPage } from './pages/auth/sign-up-page.tsx';
import { SigninLinkPage } from './pages/auth/signin-link-page.tsx';
import { AboutTab } from './pages/communities/about-tab.tsx';
import { CharterTab } from './pages/communities/charter-tab.tsx';
import { CommunityLayout } from './pages/communities/community-layout.tsx';
import { DirectoryPage } from './pages/communities/directory-page.tsx';
import { EditCommunityPage } from './pages/communities/edit-community-page.tsx';
import { MembersTab } from './pages/communities/members-tab.tsx';
import { ContactPage } from './pages/contact-page.tsx';
import { ContactRequestPage } from './pages/coordination/contact-request-page.tsx';
import { ContactRequestRedirect, InboxPage } from './pages/coordination/inbox-page.tsx';
import { ProposalQueuePage } from './pages/coordination/proposal-queue-page.tsx';
import { DiscussionsTab } from './pages/discussions/discussions-tab.tsx';
import { ThreadPage } from './pages/discussions/thread-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { InvitationPage } from './pages/invitations/invitation-page.tsx';
import { CalendarPage } from './pages/meetings/calendar-page.tsx';
import { EditMeetingPage } from './pages/meetings/edit-meeting-page.tsx';
import { MeetingPage } from './pages/meetings/meeting-page.tsx';
import { MeetingsTab } from './pages/meetings/meetings-tab.tsx';
import { NewMeetingPage } from './pages/meetings/new-meeting-page.tsx';
import { CoordinatorReportsPage } from './pages/moderation/coordinator-reports-page.tsx';
import { ModerationTab } from './pages/moderation/moderation-tab.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { NotificationsPage } from './pages/notifications-page.tsx';
import { PeoplePage } from './pages/people/people-page.tsx';
import { PersonPage } from './pages/people/person-page.tsx';
import { EditProposalPage } from './pages/proposals/edit-proposal-page.tsx';
import { NewProposalPage } from './pages/proposals/new-proposal-page.tsx';
import { ProposalPage } from './pages/proposals/proposal-page.tsx';
import { ProposalsPage } from './pages/proposals/proposals-page.tsx';
import { RouteErrorPage } from './pages/route-error-page.tsx';
import { SearchPage } from './pages/search/search-page.tsx';
import { NotificationSettingsPage } from './pages/settings/notification-settings-page.tsx';
import { PasswordSettingsPage } from './pages/settings/password-settings-page.tsx';
import { ProfileSettingsPage } from './pages/settings/profile-settings-page.tsx';
import { SessionsSettingsPage } from './pages/settings/sessions-settings-page.tsx';
import { SetupPage } from './pages/setup-page.tsx';
import { CollectionPage } from './pages/toolkit/collection-page.tsx';
import { ResourcePage } from './pages/toolkit/resource-page.tsx';
import { ToolkitTab } from './pages/toolkit/toolkit-tab.tsx';

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
          { path: '/', element: <HomePage /> },
          { path: '/setup', element: <SetupPage /> },
          // Communities are public: the server shows visitors the public ones only.
          { path: '/communities', element: <DirectoryPage /> },
          {
            path: '/communities/:slug',
            element: <CommunityLayout />,
            children: [
              { index: true, element: <AboutTab /> },
              { path: 'charter', element: <CharterTab /> },
              { path: 'members', element: <MembersTab /> },
              { path: 'discussions', element: <DiscussionsTab /> },
              { path: 'meetings', element: <MeetingsTab /> },
              { path: 'meetings/new', element: <NewMeetingPage /> },
              { path: 'toolkit', element: <ToolkitTab /> },
              { path: 'moderation', element: <ModerationTab /> },
              { path: 'edit', element: <EditCommunityPage /> },
            ],
          },
          // A public community's meetings are public too; the server decides who sees each one.
          { path: '/meetings/:id', element: <MeetingPage /> },
          // Threads of public communities are public; the server decides who reads each one.
          { path: '/discussions/:id', element: <ThreadPage /> },
          // Resources and collections of public communities are public; the server decides who reads each.
          { path: '/resources/:id', element: <ResourcePage /> },
          { path: '/toolkit/collections/:id', element: <CollectionPage /> },
          { path: '/invitations/:token', element: <InvitationPage /> },
          // Anyone may write to the coordinators; signed out, with a name and an email.
          { path: '/contact', element: <ContactPage /> },
          { path: '/search', element: <SearchPage /> },
          { path: '/confirm-email', element: <ConfirmEmailPage /> },
          { path: '/reset-password', element: <ResetPasswordPage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
          {
            element: <RequireAnonymous />,
            children: [
              { path: '/signin', element: <SignInPage /> },
              { path: '/signup', element: <SignUpPage /> },
              { path: '/signup/check-email', element: <CheckEmailPage /> },
              { path: '/signin-link', element: <SigninLinkPage /> },
            ],
          },
          {
            element: <RequireSignedIn />,
            children: [
              { path: '/people', element: <PeoplePage /> },
              { path: '/people/:id', element: <PersonPage /> },
              { path: '/notifications', element: <NotificationsPage /> },
              { path: '/calendar', element: <CalendarPage /> },
              { path: '/meetings/:id/edit', element: <EditMeetingPage /> },
              { path: '/proposals', element: <ProposalsPage /> },
              { path: '/proposals/new', element: <NewProposalPage /> },
              { path: '/proposals/:id', element: <ProposalPage /> },
              { path: '/proposals/:id/edit', element: <EditProposalPage /> },
              {
                path: '/coordination',
                element: <RequireCoordinator />,
                children: [
                  {
                    element: <CoordinationLayout />,
                    children: [
                      { index: true, element: <Navigate to="/coordination/proposals" replace /> },
                      { path: 'proposals', element: <ProposalQueuePage /> },
                      { path: 'inbox', element: <InboxPage /> },
                      { path: 'inbox/:id', element: <ContactRequestPage /> },
                      { path: 'reports', element: <CoordinatorReportsPage /> },
                    ],
                  },
                ],
              },
              // The server's notifications about contact requests use the API's path.
              { path: '/coordinator/contact-requests', element: <ContactRequestRedirect /> },
              { path: '/coordinator/contact-requests/:id', element: <ContactRequestRedirect /> },
              {
                path: '/settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="/settings/profile" replace /> },
                  { path: 'profile', element: <ProfileSettingsPage /> },
                  { path: 'password', element: <PasswordSettingsPage /> },
                  { path: 'sessions', element: <SessionsSettingsPage /> },
                  { path: 'notifications', element: <NotificationSettingsPage /> },
                ],
              },
              {
                path: '/admin',
                element: <RequireAdministrator />,
                children: [
                  {
                    element: <AdminLayout />,
                    children: [
                      { index: true, element: <AdminOverviewPage /> },
                      { path: 'institution', element: <AdminInstitutionPage /> },
                      { path: 'units', element: <AdminUnitsPage /> },
                      { path: 'users', element: <AdminUsersPage /> },
                      { path: 'charter-template', element: <AdminCharterTemplatePage /> },
                      { path: 'mail', element: <AdminMailPage /> },
                      { path: 'mail/:id', element: <AdminMailMessagePage /> },
                      { path: 'audit', element: <AdminAuditPage /> },
                    ],
                  },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
