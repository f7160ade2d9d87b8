import { Text } from '@mantine/core';

/** Server-rendered, sanitised Markdown, or a quiet line when there is none. */
export function Prose(props: { html: string | undefined; empty: string }) {
  if (!props.html?.trim()) {
    return (
      <Text size="sm" c="dimmed">
        {props.empty}
      </Text>
    );
  }
  // Markdown is rendered on the server by markdown-it with raw HTML off and links checked.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised Markdown
  return <div className="prose" dangerouslySetInnerHTML={{ __html: props.html }} />;
}
