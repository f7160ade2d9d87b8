import { Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';

/**
 * The thread attached to something (a meeting's follow-up, a Ping's results): a link once it exists,
 * else, for those who may start it, a short intro and a button that starts it and opens it.
 */
export function AttachedDiscussion(props: {
  /** The card heading's id (for aria-labelledby). */
  headingId: string;
  title: string;
  threadId: string | null;
  canStart: boolean;
  intro: string;
  startLabel: string;
  openLabel: string;
  /** Said when starting failed for another reason than the server's answer. */
  failedLabel: string;
  /** Starts the thread (or finds the one someone started meanwhile); answers its id. */
  start: () => Promise<{ id: string }>;
}) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!props.threadId && !props.canStart) return null;

  async function start() {
    setBusy(true);
    setError('');
    try {
      const { id } = await props.start();
      void navigate(`/discussions/${id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : props.failedLabel);
      setBusy(false);
    }
  }

  return (
    <Card component="section" aria-labelledby={props.headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={props.headingId}>
          {props.title}
        </Title>
        {props.threadId ? (
          <Anchor component={Link} to={`/discussions/${props.threadId}`}>
            {props.openLabel}
          </Anchor>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {props.intro}
            </Text>
            <Button variant="light" onClick={() => void start()} loading={busy} w="fit-content">
              {props.startLabel}
            </Button>
          </>
        )}
        {error ? (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
