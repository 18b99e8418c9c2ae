import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Password, RoleSchema, Username } from '../../../../shared/api/auth';
import type { UserRow } from '../../../../shared/api/users';
import { ROLES } from '../../../../shared/roles';
import { api } from '../../api';
import { PasswordField } from '../../components/PasswordField';
import { applyServerIssues } from '../auth/serverIssues';

export function AddUserDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(user: UserRow): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      z.object({
        displayName: z.string().trim().min(1, t('auth.displayNameRequired')).max(80),
        username: Username,
        role: RoleSchema,
        password: Password,
      }),
    [t],
  );
  type Form = z.infer<typeof schema>;
  const { register, control, handleSubmit, formState, reset, setError: setFieldError } = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { displayName: '', username: '', role: 'reviewer', password: '' },
  });
  const close = () => {
    reset();
    setError(null);
    onClose();
  };
  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    try {
      const user = await api.call('users.create', values);
      reset();
      onCreated(user);
    } catch (err) {
      if (!applyServerIssues(err, setFieldError)) setError((err as Error).message);
    }
  });
  const field = (name: keyof Form) => ({ error: !!formState.errors[name], helperText: formState.errors[name]?.message });
  return (
    <Dialog open={open} onClose={close} aria-labelledby="add-user-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="add-user-title">{t('users.addTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{error}</Alert>}
            <TextField label={t('auth.displayName')} autoFocus {...register('displayName')} {...field('displayName')} />
            <TextField
              label={t('auth.username')}
              autoComplete="off"
              {...register('username')}
              {...field('username')}
              helperText={formState.errors.username?.message ?? t('auth.usernameHelp')}
            />
            <Controller
              control={control}
              name="role"
              render={({ field: f }) => (
                <TextField select label={t('users.role')} {...f} {...field('role')}>
                  {ROLES.map((r) => (
                    <MenuItem key={r} value={r}>
                      {t(`roles.${r}`)}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
            <PasswordField
              label={t('users.initialPassword')}
              autoComplete="new-password"
              {...register('password')}
              {...field('password')}
              helperText={formState.errors.password?.message ?? t('auth.passwordHelp')}
            />
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

export function RoleDialog({ user, onClose, onSaved }: { user: UserRow | null; onClose(): void; onSaved(user: UserRow): void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<UserRow['role'] | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = role || user?.role || 'reviewer';
  const close = () => {
    setRole('');
    setError(null);
    onClose();
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('users.setRole', { id: user.id, role: current });
      setRole('');
      onSaved(saved);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={!!user} onClose={close} aria-labelledby="role-title">
      <form onSubmit={save}>
        <DialogTitle id="role-title">{user && t('users.changeRoleOf', { name: user.displayName })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{error}</Alert>}
            <TextField select autoFocus label={t('users.role')} value={current} onChange={(e) => setRole(e.target.value as UserRow['role'])}>
              {ROLES.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`roles.${r}`)}
                </MenuItem>
              ))}
            </TextField>
            <Alert severity="info" variant="outlined">
              {t('users.changeRoleNote')}
            </Alert>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy || current === user?.role}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function ResetPasswordDialog({ user, onClose, onDone }: { user: UserRow | null; onClose(): void; onDone(user: UserRow): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const schema = useMemo(() => z.object({ password: Password }), []);
  const { register, handleSubmit, formState, reset } = useForm<{ password: string }>({ resolver: zodResolver(schema), defaultValues: { password: '' } });
  const close = () => {
    reset();
    setError(null);
    onClose();
  };
  const onSubmit = handleSubmit(async ({ password }) => {
    if (!user) return;
    setError(null);
    try {
      await api.call('users.resetPassword', { id: user.id, password });
      reset();
      onDone(user);
    } catch (err) {
      setError((err as Error).message);
    }
  });
  return (
    <Dialog open={!!user} onClose={close} aria-labelledby="reset-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="reset-title">{user && t('users.resetPasswordOf', { name: user.displayName })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{error}</Alert>}
            <PasswordField
              label={t('auth.newPassword')}
              autoComplete="new-password"
              autoFocus
              {...register('password')}
              error={!!formState.errors.password}
              helperText={formState.errors.password?.message ?? t('auth.passwordHelp')}
            />
            <Alert severity="info" variant="outlined">
              {t('users.resetPasswordNote')}
            </Alert>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {t('users.resetPassword')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
