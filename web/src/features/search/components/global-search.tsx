// The global search: a header button, "/" or Ctrl+K open a dialog that searches every kind as
// the user types; arrow keys move through the hits and Enter opens one.
import { Button, Group, Kbd, Loader, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabel } from '@/lib/records';
import { useGlobalSearch } from '../hooks/use-global-search';
import { SearchResult } from './search-result';

const kDebounceMs = 200;

function moveFocus(container: HTMLElement, step: number) {
  const hits = Array.from(container.querySelectorAll<HTMLElement>('[data-search-result]'));
  if (hits.length === 0) return;
  const at = hits.indexOf(document.activeElement as HTMLElement);
  const next = at === -1 ? (step > 0 ? 0 : hits.length - 1) : (at + step + hits.length) % hits.length;
  hits[next]?.focus();
}

export function GlobalSearch() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, kDebounceMs);
  const results = useGlobalSearch(debounced);
  const listRef = useRef<HTMLDivElement>(null);

  useHotkeys([
    ['/', open],
    ['mod+K', open],
  ]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!listRef.current) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveFocus(listRef.current, event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      listRef.current.querySelector<HTMLElement>('[data-search-result]')?.click();
    }
  };

  const searching = debounced.trim().length > 0;
  const loading = results.some((r) => r.isLoading);
  const found = results.filter((r) => r.items.length > 0);

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={<Kbd size="xs">/</Kbd>}
        onClick={open}
        data-testid="global-search-open"
        fw={400}
      >
        {t('search.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('search.title')} size="lg" yOffset="10vh">
        <Stack gap="sm" onKeyDown={onKeyDown}>
          <TextInput
            label={t('search.label')}
            placeholder={t('search.placeholder')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            rightSection={loading ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
            data-autofocus
            data-testid="global-search-input"
          />
          <div ref={listRef} aria-live="polite">
            {searching && !loading && found.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('search.nothing', { query: debounced.trim() })}
              </Text>
            )}
            {found.map((r) => (
              <Stack key={r.kind.kind} gap={2} mb="sm">
                <Group>
                  <Title order={2} size="h6" c="dimmed">
                    {kindLabel(t, r.kind)}
                  </Title>
                </Group>
                {r.items.map((record) => (
                  <SearchResult key={record.id} kind={r.kind} record={record} query={debounced} onOpen={close} />
                ))}
              </Stack>
            ))}
          </div>
        </Stack>
      </Modal>
    </>
  );
}
