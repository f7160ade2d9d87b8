import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** The form-level error, announced as soon as it appears (role="alert"). */
export function FormAlert(props: { message: string | null; title?: string; children?: ReactNode }) {
  return (
    <div style={{ display: 'contents' }}>
      {props.message ? (
        <Alert color="red" variant="light" title={props.title} role="alert">
          {props.message}
          {props.children}
        </Alert>
      ) : null}
    </div>
  );
}

/** A success or information message, announced politely. */
export function StatusAlert(props: { message: string | null; title?: string }) {
  return (
    <div style={{ display: 'contents' }}>
      {props.message ? (
        <Alert color="forest" variant="light" title={props.title} role="status">
          {props.message}
        </Alert>
      ) : null}
    </div>
  );
}
