// Interface languages. English is bundled (it is also the fallback); the others load on demand
// so that adding a language does not grow the first download.
//
// The strings live with what shows them: each feature has its own i18n/{en,it,es,pt}.json
// (src/features/<feature>/i18n/, the shell's and shared ones in src/app/i18n/), merged here
// into one resource per language, so a new feature adds its files without editing a central
// one. `npm run check-i18n` checks that each folder's four files have the same keys.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
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

export type Resources = { [key: string]: string | Resources };

/**
 * The files of one language merged into one resource, in path order: {"a": {"b": "x"}} and
 * {"a": {"c": "y"}} give {"a": {"b": "x", "c": "y"}}. Keys are not to be defined twice (the
 * check reports it); here a later file's string would win.
 */
export function mergeResources(files: Record<string, Resources>): Resources {
  const out: Resources = {};
  const merge = (into: Resources, from: Resources) => {
    for (const [key, value] of Object.entries(from)) {
      const have = into[key];
      if (typeof value === 'object' && typeof have === 'object') merge(have, value);
      else into[key] = typeof value === 'object' ? merge({}, value) : value;
    }
    return into;
  };
  for (const path of Object.keys(files).sort()) merge(out, files[path]);
  return out;
}

// Every folder's files (import.meta.glob needs literal patterns: one per language). English
// is in the first download; another language's files load when it is chosen, as one chunk
// (vite.config.ts groups them).
const en = mergeResources(import.meta.glob<Resources>('../**/i18n/en.json', { eager: true, import: 'default' }));
type Loaders = Record<string, () => Promise<Resources>>;
const loaders: Record<Exclude<Language, 'en'>, Loaders> = {
  it: import.meta.glob<Resources>('../**/i18n/it.json', { import: 'default' }),
  es: import.meta.glob<Resources>('../**/i18n/es.json', { import: 'default' }),
  pt: import.meta.glob<Resources>('../**/i18n/pt.json', { import: 'default' }),
};

/** One language's merged resource (English: the bundled one). */
export async function loadResources(lang: Language): Promise<Resources> {
  if (lang === 'en') return en;
  const entries = Object.entries(loaders[lang]);
  const files = await Promise.all(entries.map(async ([path, load]) => [path, await load()] as const));
  return mergeResources(Object.fromEntries(files));
}

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
  i18n.addResourceBundle(lang, 'translation', await loadResources(lang), true, true);
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
