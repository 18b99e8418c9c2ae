import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isDev: boolean;
  isMac: boolean;
  onAbout(): void;
}

/** The native menu bar, in Bahasa Indonesia. Reload and developer tools exist only in development. */
export function buildMenuTemplate({ isDev, isMac, onAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(isDev
      ? ([
          { role: 'reload', label: 'Muat Ulang' },
          { role: 'toggleDevTools', label: 'Alat Pengembang' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom', label: 'Ukuran Sebenarnya' },
    { role: 'zoomIn', label: 'Perbesar' },
    { role: 'zoomOut', label: 'Perkecil' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Layar Penuh' },
  ];
  return [
    ...(isMac ? ([{ role: 'appMenu', label: 'Prakerja Office' }] satisfies MenuItemConstructorOptions[]) : []),
    { label: 'Berkas', submenu: [{ role: 'quit', label: 'Keluar' }] },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih Semua' },
      ],
    },
    { label: 'Tampilan', submenu: view },
    { label: 'Bantuan', submenu: [{ label: 'Tentang Prakerja Office', click: () => onAbout() }] },
  ];
}
