import Close from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../../shared/api/audit';
import { formatDateTime } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { ActionLabel } from './ActionLabel';

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  const empty = value === null || value === undefined;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="h4" component="h3" sx={{ mb: 0.75 }}>
        {title}
      </Typography>
      {empty ? (
        <Typography variant="body2" color="text.secondary">
          {t('audit.empty')}
        </Typography>
      ) : (
        <Box
          component="pre"
          sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12.5, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        >
          {JSON.stringify(value, null, 2)}
        </Box>
      )}
    </Box>
  );
}

export function AuditDetailDrawer({ row, onClose }: { row: AuditRow | null; onClose(): void }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  return (
    <Drawer anchor="right" open={!!row} onClose={onClose} sx={{ zIndex: (t) => t.zIndex.modal }} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 460 } } } }}>
      {row && (
        <Box role="dialog" aria-labelledby="audit-detail-title" sx={{ p: 2.5 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
            <Typography id="audit-detail-title" variant="h2" component="h2" sx={{ flex: 1 }}>
              {t('audit.detailTitle', { id: row.id })}
            </Typography>
            <IconButton aria-label={t('common.close')} onClick={onClose} autoFocus>
              <Close />
            </IconButton>
          </Box>
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, mb: 2, '& dt': { color: 'text.secondary' }, '& dd': { m: 0 } }}>
            <dt>{t('audit.colAt')}</dt>
            <dd>{formatDateTime(row.at, locale)}</dd>
            <dt>{t('audit.colUser')}</dt>
            <dd>{row.username ?? t('audit.system')}</dd>
            <dt>{t('audit.colAction')}</dt>
            <dd>
              <ActionLabel code={row.action} />
            </dd>
            <dt>{t('audit.colEntity')}</dt>
            <dd>
              {row.entity}
              {row.entityId !== null && ` #${row.entityId}`}
            </dd>
          </Box>
          <Divider sx={{ mb: 2 }} />
          <JsonBlock title={t('audit.before')} value={row.before} />
          <JsonBlock title={t('audit.after')} value={row.after} />
        </Box>
      )}
    </Drawer>
  );
}
