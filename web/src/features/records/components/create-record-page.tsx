// The form that creates a record of any kind, built from its metadata like the record page.
import { Alert, Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '@/hooks/use-me';
import type { FieldErrors } from '@/lib/problem';
import { formFields, kindLabel, permits, recordTitle } from '@/lib/records';
import type { FieldMeta, KindMeta } from '@/types/meta';
import { useFormFailure } from '../hooks/use-form-failure';
import { useCreateRecord } from '../hooks/use-record';
import { type Draft, toWire } from '../utils/form-values';
import { RecordFields } from './record-fields';

export function CreateRecordPage({ kind }: { kind: KindMeta }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formFailure = useFormFailure();
  const me = useMe();
  const create = useCreateRecord(kind.collection);
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  const user = me.data ?? null;
  if (!permits(kind.permissions.create, null, user)) {
    return (
      <Alert color="red" role="alert" m="md">
        {t('errors.forbidden')}
      </Alert>
    );
  }
  const fields = formFields(kind, permits(kind.permissions.assign, null, user));
  const change = (field: FieldMeta, value: unknown) => setDraft((d) => ({ ...d, [field.name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    create.mutate(toWire(fields, draft), {
      onSuccess: (record) => {
        notifications.show({ message: t('create.created', { title: recordTitle(kind, record) }), color: 'green' });
        navigate(`/r/${kind.kind}/${record.id}`, { replace: true });
      },
      onError: (error) => {
        const result = formFailure(error, fields);
        setErrors(result.fieldErrors);
        setFailure(result.message);
      },
    });
  };

  return (
    <Stack p="md" gap="md" maw={1000}>
      <Breadcrumbs>
        <Anchor component={Link} to={`/r/${kind.kind}`}>
          {kindLabel(t, kind)}
        </Anchor>
        <Text size="sm">{t('create.crumb')}</Text>
      </Breadcrumbs>
      <Title order={1} size="h2">
        {t('create.title', { kind: kindLabel(t, kind) })}
      </Title>
      <form onSubmit={submit} noValidate data-testid="create-form">
        <Stack gap="md">
          {failure && (
            <Alert color="red" role="alert" data-testid="form-error">
              {failure}
            </Alert>
          )}
          <RecordFields
            kind={kind}
            fields={fields}
            valueOf={(f) => draft[f.name]}
            editable
            onChange={change}
            errors={errors}
          />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={`/r/${kind.kind}`}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="create-submit">
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
