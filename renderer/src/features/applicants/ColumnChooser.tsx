import ViewColumnOutlined from '@mui/icons-material/ViewColumnOutlined';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { GridApi, GridColDef, GridColumnVisibilityModel, GridValidRowModel } from '@mui/x-data-grid';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** A "Kolom" button with a checklist of columns; the table remembers the choice. */
export function ColumnChooser<Row extends GridValidRowModel>({ apiRef, columns }: { apiRef: RefObject<GridApi | null>; columns: GridColDef<Row>[] }) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [model, setModel] = useState<GridColumnVisibilityModel>({});
  const visible = (field: string) => model[field] !== false;
  const shownCount = columns.filter((c) => visible(c.field)).length;
  return (
    <>
      <Button
        startIcon={<ViewColumnOutlined />}
        aria-haspopup="menu"
        aria-expanded={!!anchor}
        onClick={(e) => {
          setModel({ ...(apiRef.current?.state.columns.columnVisibilityModel ?? {}) });
          setAnchor(e.currentTarget);
        }}
      >
        {t('applicants.chooseColumns')}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)} slotProps={{ list: { dense: true, 'aria-label': t('applicants.chooseColumns') } }}>
        {columns.map((c) => {
          const on = visible(c.field);
          return (
            <MenuItem
              key={c.field}
              role="menuitemcheckbox"
              aria-checked={on}
              // The last visible column stays: a table without columns helps nobody.
              disabled={on && shownCount === 1}
              onClick={() => {
                apiRef.current?.setColumnVisibility(c.field, !on);
                setModel((m) => ({ ...m, [c.field]: !on }));
              }}
            >
              <ListItemIcon>
                <Checkbox edge="start" size="small" checked={on} tabIndex={-1} disableRipple sx={{ p: 0 }} />
              </ListItemIcon>
              <ListItemText>{c.headerName ?? c.field}</ListItemText>
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
}
