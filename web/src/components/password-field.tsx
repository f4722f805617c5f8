// A password input that reports its error to assistive technology: Mantine's PasswordInput puts
// no aria-invalid on its inner <input>, so this sets it from the error.
import { PasswordInput, type PasswordInputProps } from '@mantine/core';

type Props = Omit<PasswordInputProps, 'value' | 'onChange'> & { value: string; onChange: (value: string) => void };

export function PasswordField({ value, onChange, error, ...rest }: Props) {
  return (
    <PasswordInput
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      aria-invalid={!!error}
      {...rest}
    />
  );
}
