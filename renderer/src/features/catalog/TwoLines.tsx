import Box from '@mui/material/Box';
import { MONO } from '../applicants/format';

/** A cell with a main line and a smaller second line (a category, a platform, an id), both cut with an ellipsis. */
export function TwoLines({ main, sub, warn, mono }: { main: string; sub: string; warn?: boolean; mono?: boolean }) {
  const line = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', height: '100%', lineHeight: 1.2, minWidth: 0 }} title={`${main} · ${sub}`}>
      <Box component="span" sx={line}>
        {main}
      </Box>
      <Box component="span" sx={{ ...line, ...(mono ? MONO : {}), fontSize: 12, color: warn ? 'warning.main' : 'text.secondary' }}>
        {sub}
      </Box>
    </Box>
  );
}
