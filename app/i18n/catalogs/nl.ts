/// <reference types="vite/client" />
import { mergeAreas } from './merge-areas.ts';

export default mergeAreas(
  import.meta.glob<Record<string, string>>('../../../common/i18n/catalogs/nl/*.json', {
    eager: true,
    import: 'default',
  }),
);
