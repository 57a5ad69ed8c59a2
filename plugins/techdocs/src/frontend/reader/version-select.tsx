import { MenuItem, TextField } from '@mui/material';

/** Props of {@link VersionSelect}. */
export interface VersionSelectProps {
  versions: string[];
  current: string;
  onChange(version: string): void;
}

/** The reader's version switcher: `latest` (the default source) and each built branch or tag. */
export function VersionSelect({ versions, current, onChange }: VersionSelectProps) {
  if (versions.length < 2) return null;
  return (
    <TextField
      select
      size="small"
      label="Version"
      value={versions.includes(current) ? current : ''}
      onChange={(event) => onChange(event.target.value)}
      sx={{ mt: 1, mb: 1, minWidth: 160 }}
      slotProps={{ select: { inputProps: { 'data-testid': 'techdocs-version' } } }}
    >
      {versions.map((version) => (
        <MenuItem key={version} value={version}>
          {version}
        </MenuItem>
      ))}
    </TextField>
  );
}
