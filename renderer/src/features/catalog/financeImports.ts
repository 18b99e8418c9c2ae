import type { TFunction } from 'i18next';
import type { FinanceImportKind } from '../../../../shared/api/catalog';
import { api } from '../../api';
import type { ImportOption } from '../imports/ImportDialog';

/** The import dialog's kinds for finance: the catalog's three files, or invoices. */
export function financeImportOptions<K extends FinanceImportKind>(t: TFunction, kinds: readonly K[]): ImportOption<K>[] {
  return kinds.map((kind) => ({
    value: kind,
    label: t(`catalog.kind.${kind}`),
    title: t(`catalog.importTitle.${kind}`),
    preview: (fileRef) => api.call('catalog.importPreview', { fileRef, kind }),
    start: (fileRef) => (kind === 'invoices' ? api.call('invoices.import', { fileRef }) : api.call('catalog.import', { fileRef, kind })),
  }));
}
