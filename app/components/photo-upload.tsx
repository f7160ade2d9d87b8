import { useLingui } from '@lingui/react';
import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { MessageId } from '../../common/i18n/message-id.ts';
import { errorMessage } from '../api/client.ts';

const accepted = 'image/png,image/jpeg,image/webp';

type ImageKind = 'photo' | 'logo';
type ImageText = 'change' | 'upload' | 'remove' | 'updated' | 'removed';

/** The buttons and statuses of each kind of image, whole in every language ("Foto aggiornata", "Logo aggiornato"). */
const imageMessages: Record<ImageKind, Record<ImageText, MessageId>> = {
  photo: {
    change: 'layout.photoUpload.photo.change',
    upload: 'layout.photoUpload.photo.upload',
    remove: 'layout.photoUpload.photo.remove',
    updated: 'layout.photoUpload.photo.updated',
    removed: 'layout.photoUpload.photo.removed',
  },
  logo: {
    change: 'layout.photoUpload.logo.change',
    upload: 'layout.photoUpload.logo.upload',
    remove: 'layout.photoUpload.logo.remove',
    updated: 'layout.photoUpload.logo.updated',
    removed: 'layout.photoUpload.logo.removed',
  },
};

/**
 * Upload or remove an image (profile photo, institution logo) with the given calls (the resource's
 * mutations, which refresh what shows the image). Size and type are checked here first, and again on
 * the server. The buttons and statuses name the image by `kind`, each a whole message in the catalogs.
 */
export function PhotoUpload(props: {
  /** The image's name ("Photo", "Logo"); the texts themselves follow `kind`. */
  label: string;
  kind: ImageKind;
  preview: ReactNode;
  hasImage: boolean;
  maxBytes: number;
  upload: (file: File) => Promise<unknown>;
  remove?: () => Promise<unknown>;
}) {
  const { _ } = useLingui();
  const texts = imageMessages[props.kind];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const maxMb = Math.round(props.maxBytes / 1024 / 1024);

  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setStatus(null);
    if (!accepted.split(',').includes(file.type)) return setError(_('layout.photoUpload.wrongType'));
    if (file.size > props.maxBytes) return setError(_('layout.photoUpload.tooLarge', { max: maxMb }));
    setBusy(true);
    try {
      await props.upload(file);
      setStatus(_(texts.updated));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!props.remove) return;
    setError(null);
    setStatus(null);
    setBusy(true);
    try {
      await props.remove();
      setStatus(_(texts.removed));
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
                  {props.hasImage ? _(texts.change) : _(texts.upload)}
                </Button>
              )}
            </FileButton>
            {props.hasImage && props.remove ? (
              <Button variant="subtle" color="red" onClick={() => void remove()} disabled={busy}>
                {_(texts.remove)}
              </Button>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {_('layout.photoUpload.hint', { max: maxMb })}
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
