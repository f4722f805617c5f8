// "Load more" under a list read in keyset pages; shown only while the server has another page.
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Pages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

export function LoadMoreButton({ pages, testId }: { pages: Pages; testId: string }) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <Button variant="outline" w="fit-content" loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()} data-testid={testId}>
      {t('common.loadMore')}
    </Button>
  );
}
