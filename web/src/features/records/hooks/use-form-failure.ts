// What a failed save shows: each field's messages go to its input; the banner above the form
// says to fix them, or carries the messages that name no field of the form.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/hooks/use-error-message';
import { ApiError } from '@/lib/api-client';
import { type FieldErrors, pointerOf, unplacedMessages } from '@/lib/problem';
import type { FieldMeta } from '@/types/meta';

export type FormFailure = { fieldErrors: FieldErrors; message: string };

export function useFormFailure(): (error: unknown, fields: FieldMeta[]) => FormFailure {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return useCallback(
    (error, fields) => {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
      const elsewhere = unplacedMessages(fieldErrors, fields.map((f) => pointerOf(f.name)));
      if (elsewhere.length > 0) return { fieldErrors, message: elsewhere.join(' ') };
      const message = Object.keys(fieldErrors).length > 0 ? t('record.fixFields') : errorMessage(error);
      return { fieldErrors, message };
    },
    [t, errorMessage],
  );
}
