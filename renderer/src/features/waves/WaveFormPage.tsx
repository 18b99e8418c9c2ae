import { zodResolver } from '@hookform/resolvers/zod';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { z } from 'zod';
import { EMPLOYMENT_STATUSES } from '../../../../shared/applicant-values';
import type { InputOf } from '../../../../shared/api/contract';
import type { Wave } from '../../../../shared/api/waves';
import { PROVINCES } from '../../../../shared/regions/provinces';
import { DEFAULT_BALANCE } from '../../../../shared/waves/lifecycle';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../format/datetime';
import { useSession } from '../../session/SessionProvider';
import { MONO } from '../applicants/format';
import { NotFoundPage } from '../shell/NotFoundPage';
import { canManage, formatRupiah } from './format';
import { SeedDialog } from './SeedDialog';
import { SettingsFileButton } from './SettingsFileButton';

const PROVINCE_CODES = Object.keys(PROVINCES).sort();
const pKey = (code: string) => `p${code}` as const;
const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

type ProvinceFields = Record<`p${string}`, string>;
interface FormValues {
  number: string;
  name: string;
  opensOn: string;
  closesOn: string;
  balance: string;
  quotaMode: 'national' | 'provinces';
  national: string;
  provinces: ProvinceFields;
  weights: Record<string, string>;
  seedCommitment: string;
}

function emptyValues(): FormValues {
  return {
    number: '',
    name: '',
    opensOn: '',
    closesOn: '',
    balance: String(DEFAULT_BALANCE),
    quotaMode: 'national',
    national: '',
    provinces: Object.fromEntries(PROVINCE_CODES.map((c) => [pKey(c), ''])),
    weights: Object.fromEntries(EMPLOYMENT_STATUSES.map((s) => [s, ''])),
    seedCommitment: '',
  };
}

function valuesOf(w: Wave): FormValues {
  const base = emptyValues();
  return {
    ...base,
    number: String(w.number),
    name: w.name,
    opensOn: w.opensOn,
    closesOn: w.closesOn,
    balance: String(w.balance),
    quotaMode: 'national' in w.quota ? 'national' : 'provinces',
    national: 'national' in w.quota ? String(w.quota.national) : '',
    provinces: { ...base.provinces, ...('provinces' in w.quota ? Object.fromEntries(Object.entries(w.quota.provinces).map(([c, q]) => [pKey(c), String(q)])) : {}) },
    weights: { ...base.weights, ...Object.fromEntries(Object.entries(w.weights).map(([s, v]) => [s, String(v)])) },
    seedCommitment: w.seedCommitment,
  };
}

const provinceTotal = (p: ProvinceFields) => Object.values(p).reduce((a, v) => a + (WHOLE.test(v) ? Number(v) : 0), 0);

function toInput(v: FormValues): InputOf<'waves.create'> {
  const provinces = Object.fromEntries(PROVINCE_CODES.filter((c) => v.provinces[pKey(c)] !== '').map((c) => [c, Number(v.provinces[pKey(c)])]));
  return {
    number: Number(v.number),
    name: v.name.trim(),
    opensOn: v.opensOn,
    closesOn: v.closesOn,
    balance: Number(v.balance),
    quota: v.quotaMode === 'national' ? { national: Number(v.national) } : { provinces },
    weights: Object.fromEntries(Object.entries(v.weights).filter(([, w]) => w !== '').map(([s, w]) => [s, Number(w)])),
    seedCommitment: v.seedCommitment.trim(),
  };
}

function Section({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2, display: 'grid', gap: 2 }}>
      <Box>
        <Typography variant="h3" component="h2">
          {title}
        </Typography>
        {help && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {help}
          </Typography>
        )}
      </Box>
      {children}
    </Paper>
  );
}

/** Create a wave (`/gelombang/baru`) or edit one (`/gelombang/:number/ubah`): everything in a draft, the name once open. */
export function WaveFormPage() {
  const { number: numberParam } = useParams();
  const editing = numberParam !== undefined;
  const number = Number(numberParam);
  const wave = useApiQuery('waves.get', { number }, { enabled: editing && Number.isInteger(number) && number > 0, retry: false });
  const { user } = useSession();
  if (!canManage(user.role)) return <NotFoundPage forbidden />;
  if (editing && wave.error) return <Alert severity="error">{wave.error.message}</Alert>;
  if (editing && !wave.data) {
    return (
      <Box sx={{ py: 4, display: 'grid', placeItems: 'center' }}>
        <CircularProgress />
      </Box>
    );
  }
  return <WaveForm wave={wave.data ?? null} />;
}

function WaveForm({ wave }: { wave: Wave | null }) {
  const { t } = useTranslation();
  const locale = useSession().user.locale;
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [seedOpen, setSeedOpen] = useState(false);
  const nameOnly = wave !== null && wave.status !== 'draft';
  const freed = useApiQuery('waves.list', {}, { enabled: wave === null }).data?.freedPlaces ?? 0;

  const schema = useMemo(() => {
    const count = z.string().trim().regex(WHOLE, t('waves.form.badCount'));
    return z
      .object({
        number: z.string().trim().regex(WHOLE, t('waves.form.badNumber')).refine((v) => Number(v) >= 1 && Number(v) <= 9999, t('waves.form.badNumber')),
        name: z.string().trim().min(1, t('waves.form.required')).max(100),
        opensOn: z.string().refine(isDate, t('waves.form.badDate')),
        closesOn: z.string().refine(isDate, t('waves.form.badDate')),
        balance: z.string().trim().regex(WHOLE, t('waves.form.badCount')).refine((v) => Number(v) > 0, t('waves.form.badCount')),
        quotaMode: z.enum(['national', 'provinces']),
        national: z.string().trim(),
        provinces: z.record(z.string(), z.union([z.literal(''), count])),
        weights: z.record(z.string(), z.union([z.literal(''), z.string().trim().regex(DECIMAL, t('waves.form.badWeight')).refine((v) => Number(v) > 0, t('waves.form.badWeight'))])),
        seedCommitment: z.string().trim().regex(/^[0-9a-fA-F]{64}$/, t('waves.form.badCommitment')),
      })
      .superRefine((v, ctx) => {
        if (isDate(v.opensOn) && isDate(v.closesOn) && v.closesOn < v.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: t('waves.form.closesBeforeOpens') });
        if (v.quotaMode === 'national') {
          if (!WHOLE.test(v.national)) ctx.addIssue({ code: 'custom', path: ['national'], message: t('waves.form.badCount') });
          else if (Number(v.national) < 1) ctx.addIssue({ code: 'custom', path: ['national'], message: t('waves.form.noSeats') });
        } else if (provinceTotal(v.provinces as ProvinceFields) < 1) {
          ctx.addIssue({ code: 'custom', path: ['quotaMode'], message: t('waves.form.noSeats') });
        }
      });
  }, [t]);

  const { register, control, handleSubmit, formState, setValue, reset } = useForm<FormValues>({
    resolver: zodResolver(schema) as never,
    defaultValues: wave ? valuesOf(wave) : emptyValues(),
  });
  useEffect(() => {
    if (wave) reset(valuesOf(wave));
  }, [wave, reset]);
  const quotaMode = useWatch({ control, name: 'quotaMode' });
  const provinces = useWatch({ control, name: 'provinces' });
  const balance = useWatch({ control, name: 'balance' });
  const errors = formState.errors;
  const fieldError = (message: string | undefined, help?: string) => ({ error: !!message, helperText: message ?? help ?? ' ' });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    try {
      const input = toInput(values);
      const saved = wave ? await api.call('waves.update', { number: wave.number, wave: input }) : await api.call('waves.create', input);
      notify.success(t(wave ? 'waves.form.saved' : 'waves.form.created', { number: saved.number }));
      await queryClient.invalidateQueries({ queryKey: ['api'] });
      void navigate(`/gelombang/${saved.number}`);
    } catch (err) {
      // Shown at the top and, since the clerk is at the Save button, as a notice too.
      setError((err as Error).message);
      notify.error((err as Error).message);
    }
  });

  const title = wave ? t('waves.form.editTitle', { number: wave.number }) : t('waves.form.createTitle');
  const locked = nameOnly || formState.isSubmitting;

  return (
    <Box component="form" onSubmit={onSubmit} noValidate sx={{ display: 'grid', gap: 2, maxWidth: 1100 }}>
      <PageHeader
        title={title}
        actions={
          <Button startIcon={<ArrowBackOutlined />} onClick={() => void navigate(wave ? `/gelombang/${wave.number}` : '/gelombang')}>
            {t('waves.form.back')}
          </Button>
        }
      />
      {nameOnly && <Alert severity="info">{t('waves.form.nameOnly')}</Alert>}
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Section title={t('waves.page.settings')}>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '160px 1fr' } }}>
          <TextField label={t('waves.form.number')} inputMode="numeric" {...register('number')} {...fieldError(errors.number?.message)} disabled={locked} autoFocus={!wave} />
          <TextField label={t('waves.form.name')} {...register('name')} {...fieldError(errors.name?.message)} autoFocus={nameOnly} />
        </Box>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '200px 200px 1fr' } }}>
          <TextField type="date" label={t('waves.form.opensOn')} slotProps={{ inputLabel: { shrink: true } }} {...register('opensOn')} {...fieldError(errors.opensOn?.message)} disabled={locked} />
          <TextField
            type="date"
            label={t('waves.form.closesOn')}
            slotProps={{ inputLabel: { shrink: true } }}
            {...register('closesOn')}
            {...fieldError(errors.closesOn?.message)}
            disabled={locked}
          />
          <TextField
            label={t('waves.form.balance')}
            inputMode="numeric"
            {...register('balance')}
            {...fieldError(errors.balance?.message, WHOLE.test(balance) && Number(balance) > 0 ? `${formatRupiah(Number(balance))} · ${t('waves.form.balanceHelp')}` : t('waves.form.balanceHelp'))}
            disabled={locked}
          />
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: -2 }}>
          {t('waves.form.closesHelp')}
        </Typography>
      </Section>

      <Section title={t('waves.form.quotaTitle')}>
        {!wave && freed > 0 && <Alert severity="info">{t('waves.form.freedHint', { count: freed })}</Alert>}
        <Controller
          control={control}
          name="quotaMode"
          render={({ field }) => (
            <RadioGroup {...field} aria-label={t('waves.form.quotaMode')} row>
              <FormControlLabel value="national" control={<Radio />} label={t('waves.form.quotaNational')} disabled={locked} />
              <FormControlLabel value="provinces" control={<Radio />} label={t('waves.form.quotaProvinces')} disabled={locked} />
            </RadioGroup>
          )}
        />
        {errors.quotaMode?.message && quotaMode === 'provinces' && provinceTotal(provinces) < 1 && <Alert severity="error">{errors.quotaMode.message}</Alert>}
        {quotaMode === 'national' ? (
          <TextField
            label={t('waves.form.nationalQuota')}
            inputMode="numeric"
            sx={{ maxWidth: 560 }}
            {...register('national')}
            {...fieldError(errors.national?.message, t('waves.form.nationalHelp'))}
            disabled={locked}
          />
        ) : (
          <Box sx={{ display: 'grid', gap: 1.5 }}>
            <SettingsFileButton
              kind="provinceQuotas"
              label={t('waves.form.provinceFile')}
              help={t('waves.form.provinceFileHelp')}
              disabled={locked}
              onRead={(c) => {
                for (const code of PROVINCE_CODES) setValue(`provinces.${pKey(code)}`, c.provinces?.[code] === undefined ? '' : String(c.provinces[code]), { shouldValidate: true });
              }}
            />
            <Typography variant="body2" color="text.secondary">
              {t('waves.form.provincesHelp', { total: formatNumber(provinceTotal(provinces), locale) })}
            </Typography>
            <Box role="group" aria-label={t('waves.form.quotaProvinces')} sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1fr 1fr 1fr' } }}>
              {PROVINCE_CODES.map((code) => (
                <Box key={code} sx={{ display: 'grid', gridTemplateColumns: '1fr 96px', alignItems: 'center', gap: 1 }}>
                  <Typography component="label" htmlFor={`quota-${code}`} variant="body2" noWrap title={`${code} ${PROVINCES[code]}`}>
                    <Box component="span" sx={{ ...MONO, color: 'text.secondary', mr: 1 }}>
                      {code}
                    </Box>
                    {PROVINCES[code]}
                  </Typography>
                  <TextField
                    id={`quota-${code}`}
                    size="small"
                    inputMode="numeric"
                    placeholder="0"
                    {...register(`provinces.${pKey(code)}`)}
                    error={!!errors.provinces?.[pKey(code)]}
                    disabled={locked}
                    slotProps={{ htmlInput: { 'aria-label': `${t('waves.form.quotaColumn')} ${PROVINCES[code]}`, style: { textAlign: 'right' } } }}
                  />
                </Box>
              ))}
            </Box>
          </Box>
        )}
      </Section>

      <Section title={t('waves.form.weightsTitle')} help={t('waves.form.weightsHelp')}>
        <SettingsFileButton
          kind="weights"
          label={t('waves.form.weightsFile')}
          help={t('waves.form.weightsFileHelp')}
          disabled={locked}
          onRead={(c) => {
            for (const s of EMPLOYMENT_STATUSES) setValue(`weights.${s}`, c.weights?.[s] === undefined ? '' : String(c.weights[s]), { shouldValidate: true });
          }}
        />
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)', lg: 'repeat(5, 1fr)' } }}>
          {EMPLOYMENT_STATUSES.map((s) => (
            <TextField
              key={s}
              size="small"
              label={t(`applicants.employment.${s}`)}
              placeholder="1"
              inputMode="decimal"
              slotProps={{ inputLabel: { shrink: true } }}
              {...register(`weights.${s}`)}
              {...fieldError(errors.weights?.[s]?.message)}
              disabled={locked}
            />
          ))}
        </Box>
      </Section>

      <Section title={t('waves.form.seedTitle')} help={t('waves.form.seedHelp')}>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <TextField
            label={t('waves.form.seedCommitment')}
            sx={{ flex: 1, minWidth: 320 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { style: { fontFamily: MONO.fontFamily, fontSize: 13 }, spellCheck: false } }}
            {...register('seedCommitment')}
            {...fieldError(errors.seedCommitment?.message)}
            disabled={locked}
          />
          <Button variant="outlined" startIcon={<KeyOutlined />} onClick={() => setSeedOpen(true)} disabled={locked} sx={{ mt: 1, flexShrink: 0, whiteSpace: 'nowrap' }}>
            {t('waves.form.generateSeed')}
          </Button>
        </Box>
      </Section>

      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', pb: 2 }}>
        <Button onClick={() => void navigate(wave ? `/gelombang/${wave.number}` : '/gelombang')}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('waves.form.saving') : t('waves.form.save')}
        </Button>
      </Box>
      <SeedDialog open={seedOpen} onClose={() => setSeedOpen(false)} onUse={(c) => setValue('seedCommitment', c, { shouldValidate: true })} />
    </Box>
  );
}
