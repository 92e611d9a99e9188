import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setUiLanguage } from '../i18n/index.js';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  void i18n.language;
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(value) => setUiLanguage(value)}
      data={[
        {
          value: 'nl',
          label: (
            <span lang="nl" title="Nederlands">
              NL
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span lang="en" title="English">
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
