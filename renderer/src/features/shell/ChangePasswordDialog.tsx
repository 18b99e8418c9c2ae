import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Password } from '../../../../shared/api/auth';
import { api } from '../../api';
import { PasswordField } from '../../components/PasswordField';
import { useNotify } from '../../components/Notifications';
import { applyServerIssues } from '../auth/serverIssues';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [error, setError] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      z
        .object({ currentPassword: z.string().min(1, t('auth.required')), newPassword: Password, confirm: z.string() })
        .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], message: t('auth.passwordsDiffer') }),
    [t],
  );
  type Form = z.infer<typeof schema>;
  const { register, handleSubmit, formState, reset, setError: setFieldError } = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });
  const close = () => {
    reset();
    setError(null);
    onClose();
  };
  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setError(null);
    try {
      await api.call('auth.changePassword', { currentPassword, newPassword });
      notify.success(t('auth.passwordChanged'));
      close();
    } catch (err) {
      if (!applyServerIssues(err, setFieldError)) setError((err as Error).message);
    }
  });
  const field = (name: keyof Form) => ({ error: !!formState.errors[name], helperText: formState.errors[name]?.message });
  return (
    <Dialog open={open} onClose={close} aria-labelledby="change-password-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="change-password-title">{t('auth.changePassword')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{error}</Alert>}
            <PasswordField label={t('auth.currentPassword')} autoComplete="current-password" autoFocus {...register('currentPassword')} {...field('currentPassword')} />
            <PasswordField
              label={t('auth.newPassword')}
              autoComplete="new-password"
              {...register('newPassword')}
              {...field('newPassword')}
              helperText={formState.errors.newPassword?.message ?? t('auth.passwordHelp')}
            />
            <PasswordField label={t('auth.confirmPassword')} autoComplete="new-password" {...register('confirm')} {...field('confirm')} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
