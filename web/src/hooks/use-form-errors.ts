// What a failed form submission shows: the API's messages for each field on that field, and a
// sentence above the form for everything else (messages naming no field of it, or the failure).
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import { messagesUnder, unplacedMessages } from '@/lib/problem';
import { useErrorMessage } from './use-error-message';

export type FormErrors = {
  // The messages on this field (a JSON Pointer without the leading "/"), joined; undefined when none.
  field: (pointer: string) => string | undefined;
  // The sentence for the form as a whole; null when nothing failed.
  form: string | null;
};

export function useFormErrors(error: unknown, fields: string[]): FormErrors {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const field = (pointer: string) => {
    const messages = messagesUnder(fieldErrors, pointer);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  let form: string | null = null;
  if (error) {
    const elsewhere = unplacedMessages(fieldErrors, fields);
    if (elsewhere.length > 0) form = elsewhere.join(' ');
    else if (Object.keys(fieldErrors).length > 0) form = t('record.fixFields');
    else form = errorMessage(error);
  }
  return { field, form };
}
