import { useEffect } from 'react';
import { useInstitution } from '../api/queries.ts';

/** Sets document.title to "Page · Institution" (or "Page · Copse" before the institution is known). */
export function useDocumentTitle(title: string): void {
  const { data: institution } = useInstitution();
  const site = institution?.name || 'Copse';
  useEffect(() => {
    document.title = title ? `${title} · ${site}` : site;
  }, [title, site]);
}
