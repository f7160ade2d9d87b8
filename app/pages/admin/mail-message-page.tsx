import { useLingui } from '@lingui/react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import { useMailMessage } from '../../api/admin.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime } from '../../lib/dates.ts';
import { mailStatusColors, mailStatusMessages } from './mail-page.tsx';

const urlPattern = /(https?:\/\/[^\s<>"]+)/g;

/** The plain-text body with its web addresses made into links. */
function LinkifiedText(props: { text: string }) {
  let offset = 0;
  const parts = props.text.split(urlPattern).map((part, index) => {
    const key = `${offset}`;
    offset += part.length;
    return { key, part, isUrl: index % 2 === 1 };
  });
  return (
    <pre className="mail-text">
      {parts.map(({ key, part, isUrl }) =>
        isUrl ? (
          <Anchor key={key} href={part}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={key}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

/**
 * The HTML body, isolated in a sandboxed frame: an opaque origin (no cookies, no access to this page) and a
 * Content-Security-Policy of its own that runs no script at all. The sandbox keeps `allow-scripts` only
 * because browsers then let assistive and testing tools (axe) look inside the frame; the policy still
 * blocks every script of the email.
 */
function HtmlPreview(props: { html: string; subject: string }) {
  const { _ } = useLingui();
  const title = props.subject.replace(/[<>&"]/g, '');
  const document = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">', // i18n-ignore: the frame's markup
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: https:; style-src 'unsafe-inline'">`, // i18n-ignore: markup
    `<title>${title}</title><base target="_blank">`,
    '<style>body{font-family:system-ui,sans-serif;line-height:1.5;color:#212529;margin:16px}a{color:#2f7654}</style>',
    `</head><body>${props.html}</body></html>`,
  ].join('');
  return (
    <iframe
      className="mail-frame"
      title={_('admin.mailMessage.frameTitle')}
      sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"
      srcDoc={document}
    />
  );
}

/** /admin/mail/:id: one email, as text (links clickable) and as HTML. */
export function AdminMailMessagePage() {
  const { _ } = useLingui();
  const { id = '' } = useParams();
  const message = useMailMessage(id);

  if (message.isPending || message.isError) {
    return (
      <>
        <PageHeader title={_('admin.mailMessage.title')} />
        {message.isPending ? (
          <PageLoader />
        ) : (
          <LoadError error={message.error} onRetry={() => void message.refetch()} />
        )}
      </>
    );
  }
  const mail = message.data;
  return (
    <>
      <PageHeader
        title={mail.subject}
        documentTitle={_('admin.mailMessage.documentTitle', { subject: mail.subject })}
        actions={
          <Button component={Link} to="/admin/mail" variant="default">
            {_('admin.mailMessage.back')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Card padding="md">
          <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px' }}>
            <Text component="dt" size="sm" c="dimmed">
              {_('admin.mailMessage.to')}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
              {mail.to}
            </Text>
            <Text component="dt" size="sm" c="dimmed">
              {_('admin.mailMessage.status')}
            </Text>
            <Group component="dd" m={0} gap="xs">
              <Badge variant="light" color={mailStatusColors[mail.status]} tt="none">
                {_(mailStatusMessages[mail.status])}
              </Badge>
            </Group>
            <Text component="dt" size="sm" c="dimmed">
              {_('admin.mailMessage.written')}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {dateTime(mail.createdAt)}
            </Text>
            {mail.sentAt ? (
              <>
                <Text component="dt" size="sm" c="dimmed">
                  {_('admin.mailMessage.sent')}
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {dateTime(mail.sentAt)}
                </Text>
              </>
            ) : null}
          </dl>
          {mail.error ? (
            <Alert color="red" variant="light" mt="md" title={_('admin.mailMessage.failed')} role="note">
              {mail.error}
            </Alert>
          ) : null}
        </Card>
        <Card>
          <Title order={2} size="h3" mb="sm">
            {_('admin.mailMessage.text')}
          </Title>
          <LinkifiedText text={mail.text} />
        </Card>
        {mail.html ? (
          <Card>
            <Title order={2} size="h3" mb="sm">
              {_('admin.mailMessage.html')}
            </Title>
            <HtmlPreview html={mail.html} subject={mail.subject} />
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
