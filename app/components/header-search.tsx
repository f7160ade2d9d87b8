import { useLingui } from '@lingui/react';
import { ActionIcon, Box, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { SearchIcon } from './icons.tsx';

/**
 * The one search box in the header: submitting goes to /search?q=…. On narrow screens there is no room
 * for a box, so a search button links to the search page instead.
 */
export function HeaderSearch() {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = location.pathname === '/search';
  const current = onSearchPage ? (params.get('q') ?? '') : '';
  const [text, setText] = useState(current);
  // Follow the address: the search page's own form (or the back button) changes the words.
  useEffect(() => {
    setText(current);
  }, [current]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    void navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  };

  return (
    <>
      <Box component="form" role="search" aria-label="Copse" onSubmit={submit} visibleFrom="lg">
        <TextInput
          type="search"
          name="q"
          aria-label={_('layout.search.label')}
          placeholder={_('layout.search.label')}
          size="sm"
          w={180}
          maxLength={200}
          leftSection={<SearchIcon size={16} />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      </Box>
      <ActionIcon
        component={Link}
        to="/search"
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={_('layout.search.label')}
        hiddenFrom="lg"
      >
        <SearchIcon />
      </ActionIcon>
    </>
  );
}
