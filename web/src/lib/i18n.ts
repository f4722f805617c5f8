// i18next set-up: English is bundled as the fallback, the other catalogues load on demand; the
// chosen language is kept in localStorage and mirrored on <html lang> so that the browser picks
// Thai and Traditional Chinese fonts and line breaking.
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import { kLanguageCodes } from './languages';

const kStorageKey = 'rapport.language';

// Every catalogue but English, each its own chunk, loaded when its language is chosen.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>(['../locales/*.json', '!../locales/en.json']);

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language === 'en') {
      callback(null, en);
      return;
    }
    const load = catalogues[`../locales/${language}.json`];
    if (!load) {
      callback(new Error(`no catalogue for ${language}`), null);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, null),
    );
  },
};

function storedLanguage(): string {
  const stored = localStorage.getItem(kStorageKey);
  if (stored && kLanguageCodes.includes(stored)) return stored;
  const browser = navigator.languages.find((l) => kLanguageCodes.includes(l));
  return browser ?? 'en';
}

export async function setupI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18n
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      lng: storedLanguage(),
      fallbackLng: 'en',
      supportedLngs: [...kLanguageCodes],
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  return i18n;
}

export async function changeLanguage(language: string): Promise<void> {
  localStorage.setItem(kStorageKey, language);
  await i18n.changeLanguage(language);
}
