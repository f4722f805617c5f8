// Chooses the UI language; the choice is remembered in this browser.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '@/lib/i18n';
import { kLanguages } from '@/lib/languages';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      label={t('shell.language')}
      data={kLanguages.map((l) => ({ value: l.code, label: l.name }))}
      value={i18n.language}
      onChange={(value) => value && changeLanguage(value)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data-testid="language-picker"
    />
  );
}
