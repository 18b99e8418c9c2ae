import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { PasswordField } from '../../components/PasswordField';
import { useSession } from '../../session/SessionProvider';
import { AuthLayout } from './AuthLayout';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const notice = session.state.status === 'anonymous' ? session.state.notice : null;
  const { register, handleSubmit, formState, setFocus } = useForm<LoginForm>({ defaultValues: { username: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    try {
      const result = await api.call('auth.login', values);
      session.signIn(result);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (err) {
      setError((err as Error).message);
      setFocus('password', { shouldSelect: true });
    }
  });

  return (
    <AuthLayout title={t('auth.loginTitle')} subtitle={t('auth.loginSubtitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack spacing={2}>
          {error ? (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          ) : (
            notice && <Alert severity="info">{notice}</Alert>
          )}
          <TextField
            label={t('auth.username')}
            autoComplete="username"
            autoFocus
            error={!!formState.errors.username}
            helperText={formState.errors.username?.message}
            {...register('username', { required: t('auth.required') })}
          />
          <PasswordField
            label={t('auth.password')}
            autoComplete="current-password"
            error={!!formState.errors.password}
            helperText={formState.errors.password?.message}
            {...register('password', { required: t('auth.required') })}
          />
          <Button type="submit" variant="contained" size="medium" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('auth.loggingIn') : t('auth.login')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
