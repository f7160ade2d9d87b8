import { Trans, useLingui } from '@lingui/react';
import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { type ContactTopic, contactTopicMessages, contactTopics } from '../../common/enums.ts';
import { contactMessageField, contactTopicField, displayNameField, emailField } from '../../common/fields.ts';
import { useContactMutation } from '../api/home.ts';
import { useMe } from '../api/queries.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { PageLoader } from '../components/page-states.tsx';
import { useApiForm } from '../hooks/use-api-form.ts';

const signedInSchema = z.object({ topic: contactTopicField, message: contactMessageField });
const signedOutSchema = signedInSchema.extend({ name: displayNameField, email: emailField });

type ContactValues = {
  topic: ContactTopic | '';
  message: string;
  name: string;
  email: string;
};
/** The form's values as the API takes them: no topic chosen yet is none; signed in, no name or address. */
const signedInForm = z
  .custom<ContactValues>()
  .transform(({ topic, message }) => ({ topic: topic || undefined, message }))
  .pipe(signedInSchema);
const signedOutForm = z
  .custom<ContactValues>()
  .transform((values) => ({ ...values, topic: values.topic || undefined }))
  .pipe(signedOutSchema);

function topicFrom(value: string | null): ContactTopic | '' {
  return contactTopics.find((topic) => topic === value) ?? '';
}

/** After sending: what happens next, and where to go. */
function Sent(props: { email: string; signedIn: boolean; onAnother: () => void }) {
  const { _ } = useLingui();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Card maw={640} role="status" aria-labelledby="sent-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sent-title" ref={heading} tabIndex={-1}>
          {_('contact.sent.title')}
        </Title>
        <Text size="sm">
          {props.email ? (
            <Trans
              id="contact.sent.answerAt"
              values={{ email: props.email }}
              components={{ strong: <strong /> }}
            />
          ) : (
            _('contact.sent.answer')
          )}
        </Text>
        <Group gap="sm" mt="xs">
          <Button component={Link} to={props.signedIn ? '/communities' : '/'} variant="light">
            {props.signedIn ? _('contact.sent.browse') : _('contact.sent.home')}
          </Button>
          <Button variant="default" onClick={props.onAnother}>
            {_('contact.sent.another')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** /contact: "Get in touch with the coordinators", signed in or not. */
export function ContactPage() {
  const { _ } = useLingui();
  const me = useMe();
  const [params] = useSearchParams();
  const send = useContactMutation();
  const signedIn = Boolean(me.data);
  const initialValues: ContactValues = {
    topic: topicFrom(params.get('topic')),
    message: '',
    name: '',
    email: '',
  };
  const { form, field, message, busy, submit } = useApiForm({
    initialValues,
    schema: signedIn ? signedInForm : signedOutForm,
  });
  const { values } = form;
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (me.isPending) {
    return (
      <>
        <PageHeader title={_('contact.title')} />
        <PageLoader />
      </>
    );
  }

  const sendMessage = submit(
    (body) => send.mutateAsync(body),
    () => {
      setSentTo(me.data?.email ?? form.getValues().email.trim());
      form.setFieldValue('message', '');
    },
  );

  return (
    <>
      <PageHeader title={_('contact.title')} description={_('contact.description')} />
      {sentTo !== null ? (
        <Sent email={sentTo} signedIn={signedIn} onAnother={() => setSentTo(null)} />
      ) : (
        <Card component="form" onSubmit={sendMessage} noValidate maw={720}>
          <Stack gap="md">
            <FormAlert message={message} />
            {signedIn ? (
              <Text size="sm" c="dimmed">
                {_('contact.form.answerAt', { email: me.data?.email })}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  label={_('contact.form.name')}
                  name="name"
                  autoComplete="name"
                  required
                  {...field('name')}
                />
                <TextInput
                  label={_('contact.form.email')}
                  name="email"
                  type="email"
                  autoComplete="email"
                  description={_('contact.form.emailDescription')}
                  required
                  {...field('email')}
                />
              </SimpleGrid>
            )}
            <NativeSelect
              label={_('contact.form.topic')}
              name="topic"
              required
              {...field('topic')}
              data={[
                { value: '', label: _('contact.form.chooseTopic'), disabled: true },
                ...contactTopics.map((topic) => ({ value: topic, label: _(contactTopicMessages[topic]) })),
              ]}
            />
            <Textarea
              label={_('contact.form.message')}
              name="message"
              description={
                values.topic === 'start_community'
                  ? _('contact.form.messageStart')
                  : _('contact.form.messageOther')
              }
              required
              autosize
              minRows={5}
              maxRows={16}
              {...field('message')}
            />
            <Group gap="md">
              <Button type="submit" loading={busy}>
                {_('contact.form.send')}
              </Button>
              {signedIn && values.topic === 'start_community' ? (
                <Anchor component={Link} to="/proposals/new" size="sm">
                  {_('contact.form.propose')}
                </Anchor>
              ) : null}
            </Group>
          </Stack>
        </Card>
      )}
    </>
  );
}
