// Switches a list between the live records and those in the trash.
import { Chip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function TrashToggle({ trash, onChange }: { trash: boolean; onChange: (trash: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Chip checked={trash} onChange={onChange} variant="outline" icon={<IconTrash size={14} aria-hidden />} data-testid="trash-toggle">
      {t('trash.toggle')}
    </Chip>
  );
}
