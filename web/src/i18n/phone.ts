// Phone numbers for display: stored as E.164 ("+390212345678"), shown as the user's country
// writes them ("02 1234 5678") when the number is from the region of the interface language's
// locale (it → IT, es → ES, pt → BR, en → GB), else in the international format with spaces
// ("+39 02 1234 5678"). libphonenumber-js with its "min" metadata does the work; this module is
// only imported by the screens that show phones, so it stays out of the first download.
// Display only: inputs keep the stored E.164 value.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { localeFor } from './format';

/** "GB" for "en-GB"; undefined when the locale names no region. */
export function localeRegion(locale: string): CountryCode | undefined {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? (region as CountryCode) : undefined;
  } catch {
    return undefined;
  }
}

/** The region whose national format the interface language uses. */
export function phoneRegion(language: string): CountryCode | undefined {
  return localeRegion(localeFor(language));
}

/**
 * A stored phone number as people read it in `language`: national format for the language's own
 * region, international (with spaces) otherwise. What cannot be parsed is shown as it is.
 */
export function formatPhone(value: string, language: string): string {
  const text = value.trim();
  if (!text) return value;
  const region = phoneRegion(language);
  const phone = parsePhoneNumberFromString(text, region);
  if (!phone || !phone.isPossible()) return value;
  return region && phone.country === region ? phone.formatNational() : phone.formatInternational();
}
