/**
 * The list page: a list loaded a page at a time with its states and "load more", filters kept in the
 * address, a search box, filter controls (see docs/ARCHITECTURE.md, "Lists"). Pages import it from here,
 * so its parts travel as one chunk, which the directory (a landing page) loads whole: what only other
 * lists use (LinkCard, SubmitSearch) is imported from extras.tsx instead.
 */

// The search box's words in the address (app/hooks), in the same chunk as the rest.
export { useSearchText } from '../../hooks/use-search-text.ts';
export { FilterPanel } from './filter-panel.tsx';
export { FilterBar, FilterSelect, SearchField, TagFilterField } from './filters.tsx';
export {
  ItemList,
  itemsOf,
  type LoadMoreLayout,
  PagedList,
  type PagedQuery,
  PlainList,
} from './paged-list.tsx';
export { type FilterValues, readFilters, useUrlFilters, withFilters } from './use-url-filters.ts';
