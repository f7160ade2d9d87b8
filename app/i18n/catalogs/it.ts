/// <reference types="vite/client" />
import { mergeAreas } from './merge-areas.ts';

export default mergeAreas(
  import.meta.glob<Record<string, string>>('../../../common/i18n/catalogs/it/*.json', {
    eager: true,
    import: 'default',
  }),
);
