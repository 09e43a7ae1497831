// Interface languages. English is bundled (it is also the fallback); the others load on demand
// so that adding a language does not grow the first download.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import { setRequestLanguage } from '../api/client';

export const LANGUAGES = ['en', 'it', 'es', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in that language, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  it: 'Italiano',
  es: 'Español',
  pt: 'Português',
};

/** The Intl locale used for dates and numbers in each interface language. */
export const INTL_LOCALES: Record<Language, string> = {
  en: 'en-GB',
  it: 'it-IT',
  es: 'es-ES',
  pt: 'pt-BR',
};

export const STORAGE_KEY = 'rapport.language';

const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Record<string, unknown> }>> = {
  it: () => import('./it.json'),
  es: () => import('./es.json'),
  pt: () => import('./pt.json'),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** "pt-BR" -> "pt"; unknown -> null. */
export function toLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : null;
}

export function storedLanguage(): Language | null {
  try {
    return toLanguage(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

export function browserLanguage(): Language | null {
  const tags = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  for (const tag of tags) {
    const lang = toLanguage(tag);
    if (lang) return lang;
  }
  return null;
}

/** Before sign-in: what this browser chose last time, else the browser's languages, else English. */
export function initialLanguage(): Language {
  return storedLanguage() ?? browserLanguage() ?? 'en';
}

async function ensureLoaded(lang: Language): Promise<void> {
  if (lang === 'en' || i18n.hasResourceBundle(lang, 'translation')) return;
  const mod = await loaders[lang]();
  i18n.addResourceBundle(lang, 'translation', mod.default, true, true);
}

export function currentLanguage(): Language {
  return toLanguage(i18n.resolvedLanguage ?? i18n.language) ?? 'en';
}

/** Switches the interface; `persist` also remembers the choice in this browser. */
export async function applyLanguage(lang: Language, persist = false): Promise<void> {
  await ensureLoaded(lang);
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* private mode: the choice still holds for this page */
    }
  }
  if (currentLanguage() !== lang) await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  setRequestLanguage(lang);
}

export async function initI18n(lang: Language = initialLanguage()): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      lng: 'en',
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      resources: { en: { translation: en } },
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
  }
  await applyLanguage(lang);
  return i18n;
}

export default i18n;
