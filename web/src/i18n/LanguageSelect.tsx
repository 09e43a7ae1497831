import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, currentLanguage, isLanguage, type Language } from './index';
import { SelectField } from '../ui/fields';

export function LanguageSelect({
  onChange,
  disabled,
  className,
}: {
  onChange: (lang: Language) => void;
  disabled?: boolean;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  // Read through i18n so the select follows changes made elsewhere.
  const value = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : currentLanguage();
  return (
    <SelectField
      className={className}
      label={t('userMenu.language')}
      name="language"
      value={value}
      disabled={disabled}
      onChange={(e) => {
        if (isLanguage(e.target.value)) onChange(e.target.value);
      }}
      options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
    />
  );
}
