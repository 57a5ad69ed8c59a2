import { isSafeUrl, Link } from '@atrium/ui';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { DefinitionSource } from '../../common/index.js';

/**
 * A definition file: a link when it is a web address (a file in a git host), else its path as
 * text, since a browser may not open `file:` URLs from the portal (and the UI must not link them).
 */
export function DefinitionFileLink({ location, children }: { location: string; children: string }) {
  if (isSafeUrl(location) && /^https?:/i.test(location)) return <Link to={location}>{children}</Link>;
  return (
    <Typography component="span" variant="body2">
      {`${children}: `}
      <Typography component="code" variant="body2" title={location} sx={{ fontFamily: 'monospace' }}>
        {location.replace(/^file:\/\//i, '')}
      </Typography>
    </Typography>
  );
}

/** Where a definition lives, as a chip: git files link to the file (or name it when it is local). */
export function SourceChip({ source }: { source: DefinitionSource }) {
  if (source.type === 'file' && source.location) {
    const label = /^https?:/i.test(source.location) ? (
      <DefinitionFileLink location={source.location}>git file</DefinitionFileLink>
    ) : (
      'file'
    );
    return <Chip size="small" variant="outlined" label={label} title={source.location} />;
  }
  return <Chip size="small" variant="outlined" label={source.type === 'ui' ? 'UI' : 'app config'} />;
}

/** Props of {@link ReadOnlyNotice}. */
export interface ReadOnlyNoticeProps {
  /** What is shown, e.g. `check`, `track`, `campaign`. */
  what: string;
  source: DefinitionSource;
  /** The config key definitions of this kind come from when the source names none. */
  configKey: string;
}

/** Why a definition cannot be edited here: it lives in git (linked) or app config, or the user may not edit. */
export function ReadOnlyNotice({ what, source, configKey }: ReadOnlyNoticeProps) {
  if (source.type === 'file') {
    return (
      <Alert severity="info">
        {`This ${what} is defined in a file in git; change it there. `}
        {source.location && <DefinitionFileLink location={source.location}>The file</DefinitionFileLink>}
      </Alert>
    );
  }
  if (source.type === 'config') {
    return (
      <Alert severity="info">{`This ${what} is defined in app config (${source.location ?? configKey}); change it there.`}</Alert>
    );
  }
  return <Alert severity="info">{`You may read this ${what} but not edit it.`}</Alert>;
}
