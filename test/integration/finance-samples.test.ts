import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../helpers/applicants';
import { createTestApp, type TestApp } from '../helpers/core';
import { imported, lineStatuses, reconciled } from '../helpers/finance';
import { clockFrom, publishWave, SAMPLE_CANCELLED_ONLY, SAMPLE_CLOCK, SAMPLE_EXPIRY, SAMPLE_REVOKED, SAMPLE_WAVE, SAMPLES, sampleEnrollmentNiks } from '../helpers/participants';

let app: TestApp;
afterEach(async () => app?.close());

const sample = (f: string) => path.join(SAMPLES, f);

describe('the finance sample files in resources/samples', () => {
  it('import without a reject after the sample applicants and their wave, and reconcile to every status', { timeout: 120_000 }, async () => {
    app = await createTestApp({ now: clockFrom(SAMPLE_CLOCK) });
    const finance = await app.userToken('fajar', 'finance');
    expect((await importFile(app, app.adminToken, sample('applicants-sample.csv'))).state).toBe('done');
    const wave = await publishWave(app, app.adminToken, SAMPLE_WAVE);
    const participantNiks = new Set(app.core.db.sqlite.prepare('SELECT nik FROM participants WHERE wave_number = 1').pluck().all() as string[]);
    expect(participantNiks.size).toBe(wave.participants);
    // Every applicant the purchases name (60) is among those the wave selected.
    const purchasers = sampleEnrollmentNiks();
    expect(purchasers.size).toBe(60);
    expect([...purchasers].filter((nik) => !participantNiks.has(nik))).toEqual([]);

    expect(await imported(app, finance, 'institutions', sample('institutions-sample.csv'))).toMatchObject({ inserted: 5, rejected: 0 });
    expect(await imported(app, finance, 'trainings', sample('trainings-sample.csv'))).toMatchObject({ inserted: 11, rejected: 0 });
    expect(await imported(app, finance, 'enrollments', sample('enrollments-sample.csv'))).toMatchObject({ inserted: 80, rejected: 0 });
    // The expiry after the purchases: SAMPLE_REVOKED, the one whose only purchase was cancelled, and the participants who bought nothing.
    const expiry = await app.as(app.adminToken, 'participants.expire', { asOf: SAMPLE_EXPIRY });
    expect(expiry.revoked).toBe(wave.participants - 60 + 1 + SAMPLE_CANCELLED_ONLY);
    const revoked = app.core.db.sqlite.prepare('SELECT revoked_at FROM participants WHERE registration_id = ?').pluck().get(SAMPLE_REVOKED);
    expect(revoked).toBe('2027-01-01');
    const invoices = await imported(app, finance, 'invoices', sample('invoices-sample.csv'));
    expect(invoices).toMatchObject({ inserted: 18, rejected: 0, invoices: ['INV-2027-0001', 'INV-2027-0002'] });

    const first = await reconciled(app, finance, 'INV-2027-0001');
    expect(Object.values(lineStatuses(app, 'INV-2027-0001'))).toEqual([
      'MATCHED', 'MATCHED', 'MATCHED', 'MATCHED', 'MATCHED', 'DUPLICATE_LINE', 'UNKNOWN_ENROLLMENT', 'INSTITUTION_MISMATCH',
      'PARTICIPANT_MISMATCH', 'TRAINING_MISMATCH', 'CANCELLED', 'PARTICIPANT_REVOKED', 'NOT_COMPLETED', 'NOT_COMPLETED', 'AMOUNT_MISMATCH',
    ]);
    expect(first).toMatchObject({ invoice: 'INV-2027-0001', lines: 15, approvedAmount: 3_000_000 });
    await reconciled(app, finance, 'INV-2027-0002');
    expect(lineStatuses(app, 'INV-2027-0002')).toEqual({ 1: 'ALREADY_BILLED', 2: 'MATCHED', 3: 'MATCHED' });

    // The later platform file completes line 13's enrollment and changes nothing else.
    expect(await imported(app, finance, 'enrollments', sample('enrollments-update-sample.csv'))).toMatchObject({ updated: 1, unchanged: 1, rejected: 0 });
    await reconciled(app, finance, 'INV-2027-0001');
    expect(lineStatuses(app, 'INV-2027-0001')[13]).toBe('MATCHED');
  });
});
