import type { SvgIconComponent } from '@mui/icons-material';
import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import CardGiftcardOutlined from '@mui/icons-material/CardGiftcardOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import SchoolOutlined from '@mui/icons-material/SchoolOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import ShuffleOutlined from '@mui/icons-material/ShuffleOutlined';
import ManageAccountsOutlined from '@mui/icons-material/ManageAccountsOutlined';
import type { Role } from '../../../../shared/roles';

export type AreaKey = 'dashboard' | 'applicants' | 'screening' | 'waves' | 'catalog' | 'invoices' | 'incentives' | 'reports' | 'audit' | 'users' | 'system';

export interface Area {
  key: AreaKey;
  path: string;
  icon: SvgIconComponent;
  /** Roles that see the area; omitted means every role. Core enforces the same per API method. */
  roles?: readonly Role[];
  /** Starts a new group in the navigation (a divider above it). */
  groupStart?: boolean;
  /** Not built yet: the route shows the "segera hadir" placeholder. */
  comingSoon?: boolean;
}

export const AREAS: readonly Area[] = [
  { key: 'dashboard', path: '/', icon: HomeOutlined },
  { key: 'applicants', path: '/pendaftar', icon: PeopleAltOutlined, groupStart: true },
  { key: 'screening', path: '/penyaringan', icon: FactCheckOutlined },
  { key: 'waves', path: '/gelombang', icon: ShuffleOutlined },
  { key: 'catalog', path: '/katalog', icon: SchoolOutlined, groupStart: true },
  { key: 'invoices', path: '/tagihan', icon: ReceiptLongOutlined, roles: ['admin', 'finance', 'manager'] },
  { key: 'incentives', comingSoon: true, path: '/insentif', icon: CardGiftcardOutlined },
  { key: 'reports', comingSoon: true, path: '/laporan', icon: AssessmentOutlined, groupStart: true },
  { key: 'audit', path: '/audit', icon: HistoryOutlined, roles: ['admin', 'manager'], groupStart: true },
  { key: 'users', path: '/pengguna', icon: ManageAccountsOutlined, roles: ['admin'] },
  { key: 'system', path: '/sistem', icon: SettingsOutlined, roles: ['admin', 'manager'] },
];

export const canSee = (area: Area, role: Role) => !area.roles || area.roles.includes(role);
