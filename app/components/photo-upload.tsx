import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { apiSend, apiUpload, errorMessage } from '../api/client.ts';

const accepted = 'image/png,image/jpeg,image/webp';

/**
 * Upload or remove an image (profile photo, institution logo): PUT multipart "file" to `uploadPath`,
 * DELETE `removePath` when given. Size and type are checked here first, and again on the server.
 */
export function PhotoUpload(props: {
  label: string;
  preview: ReactNode;
  hasImage: boolean;
  maxBytes: number;
  uploadPath: string;
  removePath?: string;
  onChanged: () => Promise<void> | void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const maxMb = Math.round(props.maxBytes / 1024 / 1024);

  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setStatus(null);
    if (!accepted.split(',').includes(file.type)) return setError('Choose a PNG, JPEG or WebP image.');
    if (file.size > props.maxBytes) return setError(`The image is larger than ${maxMb} MB.`);
    setBusy(true);
    try {
      await apiUpload(props.uploadPath, file);
      await props.onChanged();
      setStatus(`${props.label} updated.`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!props.removePath) return;
    setError(null);
    setStatus(null);
    setBusy(true);
    try {
      await apiSend('DELETE', props.removePath);
      await props.onChanged();
      setStatus(`${props.label} removed.`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group gap="lg" align="center" wrap="wrap">
        {props.preview}
        <Stack gap={6}>
          <Group gap="sm">
            <FileButton onChange={(file) => void upload(file)} accept={accepted}>
              {(buttonProps) => (
                <Button {...buttonProps} variant="default" loading={busy}>
                  {props.hasImage
                    ? `Change ${props.label.toLowerCase()}`
                    : `Upload ${props.label.toLowerCase()}`}
                </Button>
              )}
            </FileButton>
            {props.hasImage && props.removePath ? (
              <Button variant="subtle" color="red" onClick={() => void remove()} disabled={busy}>
                Remove {props.label.toLowerCase()}
              </Button>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            PNG, JPEG or WebP, up to {maxMb} MB.
          </Text>
        </Stack>
      </Group>
      <div role="status" style={{ display: 'contents' }}>
        {status ? <Text size="sm">{status}</Text> : null}
      </div>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
