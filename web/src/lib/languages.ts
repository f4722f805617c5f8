// The UI languages. Each name is written in its own language (an endonym), as language pickers
// do, so a reader finds their language whatever the UI is in now; they are not translated.
export const kLanguages = [
  { code: 'en', name: 'English' },
  { code: 'th', name: 'ไทย' },
  { code: 'nl', name: 'Nederlands' },
  { code: 'fil', name: 'Filipino' },
  { code: 'zh-Hant', name: '繁體中文' },
] as const;

export type LanguageCode = (typeof kLanguages)[number]['code'];

export const kLanguageCodes: readonly string[] = kLanguages.map((l) => l.code);
