// RFC 9457 problem documents from the API and their per-field errors, keyed by JSON Pointer
// without the leading "/" (emails/0/address), the way the server names them.
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
};

export type FieldErrors = Record<string, string[]>;

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.status === 'number';
}

export function fieldErrorsOf(problem: Problem | null): FieldErrors {
  const out: FieldErrors = {};
  for (const e of problem?.errors ?? []) {
    if (typeof e.field !== 'string' || typeof e.message !== 'string') continue;
    (out[e.field] ??= []).push(e.message);
  }
  return out;
}

// A custom field is named custom.<key> in the metadata but custom/<key> in error pointers.
export function pointerOf(fieldName: string): string {
  return fieldName.replace('.', '/');
}

// The messages for exactly this pointer.
export function messagesAt(errors: FieldErrors, pointer: string): string[] {
  return errors[pointer] ?? [];
}

// The messages for the pointer and everything under it (a list's items and their parts).
export function messagesUnder(errors: FieldErrors, pointer: string): string[] {
  const out: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    if (key === pointer || key.startsWith(`${pointer}/`)) out.push(...messages);
  }
  return out;
}

// Errors that name no field of the form, so the form can still show them somewhere.
export function unplacedMessages(errors: FieldErrors, placed: string[]): string[] {
  const out: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const top = key.split('/')[0] ?? key;
    const custom = key.startsWith('custom/') ? key.split('/').slice(0, 2).join('/') : top;
    if (!placed.includes(top) && !placed.includes(custom)) out.push(...messages);
  }
  return out;
}
