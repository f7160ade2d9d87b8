import { useLingui } from '@lingui/react';
import { NativeSelect } from '@mantine/core';
import { isLocale, localeNames, locales } from '../../common/i18n/locales.ts';
import { useChangeLanguage, useLocale } from '../i18n/use-language.ts';

/**
 * The language switcher of the header and the footer: a native select, so keyboards, screen readers and
 * phones handle it as they always do. Each language is named in itself ("Nederlands").
 */
export function LanguageSwitcher({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { _ } = useLingui();
  const locale = useLocale();
  const changeLanguage = useChangeLanguage();
  return (
    <NativeSelect
      size={size}
      aria-label={_('common.language.label')}
      value={locale}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLocale(value)) void changeLanguage(value);
      }}
      w={size === 'xs' ? 112 : undefined}
    >
      {locales.map((option) => (
        <option key={option} value={option} lang={option}>
          {localeNames[option]}
        </option>
      ))}
    </NativeSelect>
  );
}
