import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useJobs } from '../../jobs/JobsProvider';

/** Shows in the top bar while any of the user's jobs runs; the tooltip names them and their progress. */
export function JobIndicator() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const running = useJobs().jobs.filter((j) => j.state === 'running');
  if (running.length === 0) return null;
  const detail = running.map((j) => `${j.kind}: ${j.total ? `${Math.floor((j.done / j.total) * 100)}%` : j.done}`).join(' · ');
  return (
    <Tooltip title={detail}>
      <Chip
        role="status"
        icon={<CircularProgress size={14} thickness={5} />}
        label={t('shell.jobsRunning', { count: running.length })}
        variant="outlined"
        color="primary"
        onClick={() => navigate(running.some((j) => j.kind === 'verify') ? '/sistem' : '/')}
      />
    </Tooltip>
  );
}
