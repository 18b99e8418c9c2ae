import { useTranslation } from 'react-i18next';
import type { Override } from '../../../../shared/api/screening';
import { RejectWithNoteDialog } from '../../components/RejectWithNoteDialog';

/** Reject one proposal with a note for the proposer. */
export function RejectDialog({ override, busy, onReject, onClose }: { override: Override; busy: boolean; onReject(note: string): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <RejectWithNoteDialog
      titleId="reject-title"
      title={t('screening.review.rejectTitle', { id: override.id })}
      body={`${override.fullName ?? override.registrationId} (${override.registrationId}) · ${override.reason}`}
      noteLabel={t('screening.review.rejectNote')}
      noteHelp={t('screening.review.rejectNoteHelp')}
      rejectLabel={t('screening.review.reject')}
      busy={busy}
      onReject={onReject}
      onClose={onClose}
    />
  );
}
