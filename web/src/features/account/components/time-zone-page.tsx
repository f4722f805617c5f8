// Chooses the time zone the user's dates are shown and entered in; saved on the user, so it
// follows them to every browser.
import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useMe } from '@/hooks/use-me';
import { useUpdateMe } from '@/hooks/use-update-me';
import { displayTimeZone, formatDateTime } from '@/lib/format';

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [displayTimeZone()];
  }
}

export function TimeZonePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const updateMe = useUpdateMe();
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [zone, setZone] = useState<string | null>(me.data?.time_zone ?? null);
  const data = useMemo(() => zones().map((z) => ({ value: z, label: z.replace(/_/g, ' ') })), []);
  const errors = useFormErrors(updateMe.error, ['time_zone']);

  const save = (value: string | null) =>
    updateMe.mutate(
      { time_zone: value },
      { onSuccess: () => notifications.show({ color: 'green', message: t('account.timeZoneSaved') }) },
    );

  return (
    <Stack p="md" maw={560}>
      <Title order={1} size="h2">
        {t('account.timeZone')}
      </Title>
      <Text size="sm">{t('account.timeZoneHelp', { zone: browserZone })}</Text>
      <FormError message={errors.field('time_zone') ? null : errors.form} />
      <Select
        label={t('account.timeZone')}
        data={data}
        value={zone}
        onChange={setZone}
        searchable
        clearable
        placeholder={t('account.browserZone', { zone: browserZone })}
        nothingFoundMessage={t('account.noZone')}
        error={errors.field('time_zone')}
        comboboxProps={{ withinPortal: true }}
        data-testid="time-zone-select"
      />
      <Text size="sm" data-testid="time-zone-now">
        {t('account.timeZoneNow', { now: formatDateTime(new Date().toISOString(), i18n.language), zone: displayTimeZone() })}
      </Text>
      <Group>
        <Button onClick={() => save(zone)} loading={updateMe.isPending} data-testid="time-zone-save">
          {t('common.save')}
        </Button>
        {me.data?.time_zone && (
          <Button
            variant="outline"
            onClick={() => {
              setZone(null);
              save(null);
            }}
            disabled={updateMe.isPending}
            data-testid="time-zone-browser"
          >
            {t('account.clearZone')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
