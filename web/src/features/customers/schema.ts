// The built-in fields of companies and people, as the server defines them
// (src/domain/customers/fields.cpp), with how the web app groups and edits them.
import type { CustomerRecord, Entity } from './types';

export type BuiltInKind =
  'text' | 'email' | 'phone' | 'url' | 'country' | 'language' | 'date' | 'select' | 'tax_id' | 'reference' | 'contacts';

export type FieldGroup = 'identity' | 'contact' | 'address' | 'classification' | 'buyer' | 'other';

export interface BuiltInField {
  name: string;
  kind: BuiltInKind;
  group: FieldGroup;
  required?: boolean;
  options?: readonly string[];
  /** Has an explanation under the input (i18n key fieldHints.<entity>.<name>). */
  hint?: boolean;
  /** A `contacts` list holds labelled emails or phones (other_emails, other_phones). */
  item?: 'email' | 'phone';
  /** A select whose stored value may also be older free text, shown as written (industry). */
  keepsOtherText?: boolean;
}

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;
export const MARKETS = ['b2b', 'b2c'] as const;
export const BUYER_KINDS = ['reseller', 'distributor', 'retailer'] as const;
export const PERSON_KINDS = ['b2b_contact', 'b2c_consumer'] as const;
/** The industry codes of src/domain/customers/industries.cpp; names in options.industry.<code>. */
export const INDUSTRIES = [
  'agriculture', 'automotive', 'construction', 'education', 'electronics', 'energy', 'financial_services',
  'food_beverage', 'furniture', 'healthcare', 'hospitality', 'logistics', 'manufacturing', 'media',
  'professional_services', 'public_sector', 'real_estate', 'retail', 'software', 'telecommunications', 'textiles',
  'wholesale', 'other',
] as const; // prettier-ignore
/** The labels offered for other emails and phones; any other text is a label too. */
export const CONTACT_LABELS = ['work', 'home', 'mobile', 'other'] as const;

export const COMPANY_FIELDS: BuiltInField[] = [
  { name: 'legal_name', kind: 'text', group: 'identity', required: true },
  { name: 'trade_name', kind: 'text', group: 'identity' },
  { name: 'country', kind: 'country', group: 'identity', required: true, hint: true },
  { name: 'vat_id', kind: 'tax_id', group: 'identity', hint: true },
  { name: 'pec', kind: 'email', group: 'contact', hint: true },
  { name: 'email', kind: 'email', group: 'contact' },
  { name: 'phone', kind: 'phone', group: 'contact', hint: true },
  { name: 'other_emails', kind: 'contacts', item: 'email', group: 'contact' },
  { name: 'other_phones', kind: 'contacts', item: 'phone', group: 'contact' },
  { name: 'website', kind: 'url', group: 'contact' },
  { name: 'address_line', kind: 'text', group: 'address' },
  { name: 'postal_code', kind: 'text', group: 'address' },
  { name: 'city', kind: 'text', group: 'address' },
  { name: 'region', kind: 'text', group: 'address' },
  { name: 'industry', kind: 'select', group: 'classification', options: INDUSTRIES, keepsOtherText: true },
  { name: 'size', kind: 'select', group: 'classification', options: COMPANY_SIZES },
  { name: 'market', kind: 'select', group: 'classification', options: MARKETS, hint: true },
  { name: 'buyer_kind', kind: 'select', group: 'buyer', options: BUYER_KINDS, hint: true },
  { name: 'external_id', kind: 'text', group: 'other', hint: true },
];

export const PERSON_FIELDS: BuiltInField[] = [
  { name: 'first_name', kind: 'text', group: 'identity', required: true },
  { name: 'last_name', kind: 'text', group: 'identity', required: true },
  { name: 'kind', kind: 'select', group: 'identity', options: PERSON_KINDS, hint: true },
  { name: 'language', kind: 'language', group: 'identity' },
  { name: 'birthday', kind: 'date', group: 'identity' },
  { name: 'email', kind: 'email', group: 'contact' },
  { name: 'phone', kind: 'phone', group: 'contact', hint: true },
  { name: 'other_emails', kind: 'contacts', item: 'email', group: 'contact' },
  { name: 'other_phones', kind: 'contacts', item: 'phone', group: 'contact' },
  { name: 'city', kind: 'text', group: 'address' },
  { name: 'country', kind: 'country', group: 'address', hint: true },
  { name: 'buyer_company_id', kind: 'reference', group: 'buyer', hint: true },
  { name: 'external_id', kind: 'text', group: 'other', hint: true },
];

export const GROUPS: FieldGroup[] = ['identity', 'contact', 'address', 'classification', 'buyer', 'other'];

export function builtInFields(entity: Entity): BuiltInField[] {
  return entity === 'company' ? COMPANY_FIELDS : PERSON_FIELDS;
}

export interface EntityConfig {
  entity: Entity;
  /** URL segment in the app and in the API. */
  path: 'companies' | 'people';
  /** i18n namespace of the entity's own strings. */
  ns: 'companies' | 'people';
}

export const ENTITIES: Record<Entity, EntityConfig> = {
  company: { entity: 'company', path: 'companies', ns: 'companies' },
  person: { entity: 'person', path: 'people', ns: 'people' },
};

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** The name a record is shown by: a company's legal name (and trade name), a person's full name. */
export function recordName(record: Pick<CustomerRecord, 'type' | 'fields' | 'id'>): string {
  const f = record.fields ?? {};
  if (record.type === 'company') {
    const legal = str(f.legal_name);
    const trade = str(f.trade_name);
    if (legal && trade && trade !== legal) return `${trade} (${legal})`;
    return legal || trade || `#${record.id}`;
  }
  const name = [str(f.first_name), str(f.last_name)].filter(Boolean).join(' ');
  return name || `#${record.id}`;
}

/** ISO 3166-1 alpha-2 codes the server accepts. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
  'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
  'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
  'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
  'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
  'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE ' +
  'YT ZA ZM ZW'
).split(' ');

/** Countries offered first in pickers (the markets Rapport is built for). */
export const FIRST_COUNTRIES = ['IT', 'ES', 'PT'];

/** ISO 639-1 languages offered for a person (the server accepts any two-letter code). */
export const LANGUAGE_CODES = [
  'it', 'es', 'pt', 'en', 'fr', 'de', 'ca', 'gl', 'eu', 'nl', 'el', 'ro', 'pl', 'cs', 'sk', 'hu', 'sl', 'hr',
  'sv', 'da', 'no', 'fi', 'et', 'lv', 'lt', 'bg', 'sq', 'sr', 'uk', 'ru', 'tr', 'ar', 'he', 'fa', 'hi', 'ur',
  'bn', 'zh', 'ja', 'ko', 'vi', 'th', 'id', 'ms', 'tl', 'sw',
]; // prettier-ignore
