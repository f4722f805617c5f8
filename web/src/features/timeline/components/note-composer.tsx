// Writes a note on the record's timeline.
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/hooks/use-error-message';
import { useAddNote } from '../hooks/use-timeline';

export function NoteComposer({ collection, id }: { collection: string; id: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const add = useAddNote(collection, id);
  const [body, setBody] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(body, { onSuccess: () => setBody('') });
  };

  return (
    <form onSubmit={submit} data-testid="note-composer">
      <Stack gap="xs">
        <Textarea
          label={t('timeline.noteLabel')}
          placeholder={t('timeline.notePlaceholder')}
          autosize
          minRows={2}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={add.isError ? errorMessage(add.error) : undefined}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" disabled={!body.trim()} loading={add.isPending}>
            {t('timeline.addNote')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
