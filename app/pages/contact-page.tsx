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
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { type ContactTopic, contactTopicMessages, contactTopics } from '../../common/enums.ts';
import { contactMessageField, contactTopicField, displayNameField, emailField } from '../../common/fields.ts';
import { useContactMutation } from '../api/home.ts';
import { useMe } from '../api/queries.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { PageLoader } from '../components/page-states.tsx';
import { useFormState } from '../hooks/use-form-state.ts';

const signedInSchema = z.object({ topic: contactTopicField, message: contactMessageField });
const signedOutSchema = signedInSchema.extend({ name: displayNameField, email: emailField });

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
  const form = useFormState();
  const send = useContactMutation();
  const [values, setValues] = useState({
    topic: topicFrom(params.get('topic')),
    message: '',
    name: '',
    email: '',
  });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const set = (key: keyof typeof values, value: string) =>
    setValues((current) => ({ ...current, [key]: value }));

  if (me.isPending) {
    return (
      <>
        <PageHeader title={_('contact.title')} />
        <PageLoader />
      </>
    );
  }
  const signedIn = Boolean(me.data);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = signedIn
      ? form.check(signedInSchema, { topic: values.topic || undefined, message: values.message })
      : form.check(signedOutSchema, { ...values, topic: values.topic || undefined });
    if (!body) return;
    const done = await form.run(() => send.mutateAsync(body));
    if (!done) return;
    setSentTo(me.data?.email ?? values.email.trim());
    setValues((current) => ({ ...current, message: '' }));
  };

  return (
    <>
      <PageHeader title={_('contact.title')} description={_('contact.description')} />
      {sentTo !== null ? (
        <Sent email={sentTo} signedIn={signedIn} onAnother={() => setSentTo(null)} />
      ) : (
        <Card component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate maw={720}>
          <Stack gap="md">
            <FormAlert message={form.message} />
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
                  value={values.name}
                  onChange={(event) => set('name', event.currentTarget.value)}
                  error={form.error('name')}
                />
                <TextInput
                  label={_('contact.form.email')}
                  name="email"
                  type="email"
                  autoComplete="email"
                  description={_('contact.form.emailDescription')}
                  required
                  value={values.email}
                  onChange={(event) => set('email', event.currentTarget.value)}
                  error={form.error('email')}
                />
              </SimpleGrid>
            )}
            <NativeSelect
              label={_('contact.form.topic')}
              name="topic"
              required
              value={values.topic}
              onChange={(event) => set('topic', event.currentTarget.value)}
              error={form.error('topic')}
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
              value={values.message}
              onChange={(event) => set('message', event.currentTarget.value)}
              error={form.error('message')}
            />
            <Group gap="md">
              <Button type="submit" loading={form.busy}>
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
