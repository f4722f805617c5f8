// Money as an amount in the currency's major unit plus an ISO 4217 code; stored as integer
// minor units, so no floating point reaches the server.
import { Group, NumberInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { minorDigits } from '@/lib/format';

export type Money = { amount_minor: number; currency: string } | null;

type Props = { label: string; value: Money; onChange: (value: Money) => void; error?: string; defaultCurrency: string };

export function MoneyInput({ label, value, onChange, error, defaultCurrency }: Props) {
  const { t } = useTranslation();
  const currency = value?.currency ?? defaultCurrency;
  const digits = minorDigits(currency);
  const amount = value ? value.amount_minor / 10 ** digits : '';
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <NumberInput
        label={label}
        error={error}
        value={amount}
        decimalScale={digits}
        thousandSeparator
        style={{ flex: 1 }}
        onChange={(v) =>
          onChange(v === '' ? null : { amount_minor: Math.round(Number(v) * 10 ** digits), currency })
        }
      />
      <TextInput
        label={t('form.currency')}
        w={90}
        maxLength={3}
        value={currency}
        onChange={(e) => {
          const code = e.currentTarget.value.toUpperCase();
          if (value) onChange({ ...value, currency: code });
          else if (code.length === 3) onChange({ amount_minor: 0, currency: code });
        }}
      />
    </Group>
  );
}
