import { useLingui } from '@lingui/react';
import { Text } from '@mantine/core';
import { useDeferredValue, useEffect, useState } from 'react';

type Render = (source: string) => string;
let loaded: Render | null = null;

/** Loads the Markdown renderer once, on first use. */
function useRenderer(): Render | null {
  const [render, setRender] = useState<Render | null>(() => loaded);
  useEffect(() => {
    if (loaded) return;
    let alive = true;
    void import('../../common/markdown.ts').then((module) => {
      loaded = module.renderMarkdown;
      if (alive) setRender(() => module.renderMarkdown);
    });
    return () => {
      alive = false;
    };
  }, []);
  return render;
}

/** A live preview of Markdown as it will look once saved; `empty` shows while there is nothing to show. */
export function MarkdownPreview(props: { source: string; empty: string }) {
  const { _ } = useLingui();
  const render = useRenderer();
  const source = useDeferredValue(props.source);
  if (!source.trim()) {
    return (
      <Text size="sm" c="dimmed">
        {props.empty}
      </Text>
    );
  }
  if (!render) {
    return (
      <Text size="sm" c="dimmed">
        {_('layout.markdownPreview.preparing')}
      </Text>
    );
  }
  // Rendered with raw HTML off and links checked (common/markdown.ts, the same rules as the server).
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised Markdown
  return <div className="prose" dangerouslySetInnerHTML={{ __html: render(source) }} />;
}
