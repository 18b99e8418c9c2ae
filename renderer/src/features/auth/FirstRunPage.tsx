import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Password, Username } from '../../../../shared/api/auth';
import type { OutputOf } from '../../../../shared/api/contract';
import { api } from '../../api';
import { apiKey } from '../../api/hooks';
import { PasswordField } from '../../components/PasswordField';
import { useSession } from '../../session/SessionProvider';
import { AuthLayout } from './AuthLayout';
import { DemoDataStep } from './DemoDataStep';
import { setFirstRunLanding } from './landing';
import { applyServerIssues } from './serverIssues';

export function FirstRunPage() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // After the account: the optional demo-data step. The first-run flag is cleared only when it ends.
  const [step, setStep] = useState<'account' | 'demo'>('account');
  const finish = useCallback(
    (path: string) => {
      setFirstRunLanding(path);
      queryClient.setQueryData<OutputOf<'system.status'>>(apiKey('system.status', {}), (old) => old && { ...old, firstRun: false });
    },
    [queryClient],
  );
  const schema = useMemo(
    () =>
      z
        .object({
          displayName: z.string().trim().min(1, t('auth.displayNameRequired')).max(80),
          username: Username,
          password: Password,
          confirm: z.string(),
        })
        .refine((v) => v.password === v.confirm, { path: ['confirm'], message: t('auth.passwordsDiffer') }),
    [t],
  );
  type Form = z.infer<typeof schema>;
  const { register, handleSubmit, formState, setError: setFieldError } = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { displayName: '', username: '', password: '', confirm: '' },
  });

  const onSubmit = handleSubmit(async ({ confirm: _confirm, ...values }) => {
    setError(null);
    try {
      session.signIn(await api.call('auth.setup', values));
      setStep('demo');
    } catch (err) {
      if (!applyServerIssues(err, setFieldError)) setError((err as Error).message);
    }
  });

  const field = (name: keyof Form) => ({ error: !!formState.errors[name], helperText: formState.errors[name]?.message });
  if (step === 'demo') {
    return (
      <AuthLayout title={t('auth.demoTitle')} subtitle={t('auth.demoSubtitle')}>
        <DemoDataStep onFinish={finish} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('auth.setupTitle')} subtitle={t('auth.setupSubtitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack spacing={2}>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          <TextField
            label={t('auth.displayName')}
            autoComplete="name"
            autoFocus
            {...register('displayName')}
            {...field('displayName')}
            helperText={formState.errors.displayName?.message ?? t('auth.displayNameHelp')}
          />
          <TextField
            label={t('auth.username')}
            autoComplete="username"
            {...register('username')}
            {...field('username')}
            helperText={formState.errors.username?.message ?? t('auth.usernameHelp')}
          />
          <PasswordField
            label={t('auth.password')}
            autoComplete="new-password"
            {...register('password')}
            {...field('password')}
            helperText={formState.errors.password?.message ?? t('auth.passwordHelp')}
          />
          <PasswordField label={t('auth.confirmPassword')} autoComplete="new-password" {...register('confirm')} {...field('confirm')} />
          <Button type="submit" variant="contained" size="medium" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('auth.creating') : t('auth.createAdmin')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
