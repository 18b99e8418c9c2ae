import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/api/system';
import { useNotify } from '../../components/Notifications';
import { useSession } from '../../session/SessionProvider';

/** ID / EN switch. With a session the choice is saved on the user (auth.setLocale) so it follows them. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const notify = useNotify();
  const value: Locale = i18n.language === 'en' ? 'en' : 'id';
  const change = (locale: Locale | null) => {
    if (!locale || locale === value) return;
    session.setLocale(locale).catch((err: Error) => notify.error(err.message));
  };
  return (
    <ToggleButtonGroup size="small" exclusive value={value} onChange={(_e, v: Locale | null) => change(v)} aria-label={t('shell.language')}>
      <ToggleButton value="id" aria-label={t('shell.languageId')} sx={{ px: 1.25, py: 0.25, fontWeight: 600 }}>
        ID
      </ToggleButton>
      <ToggleButton value="en" aria-label={t('shell.languageEn')} sx={{ px: 1.25, py: 0.25, fontWeight: 600 }}>
        EN
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
