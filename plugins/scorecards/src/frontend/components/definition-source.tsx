import { Link } from '@atrium/ui';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import type { DefinitionSource } from '../../common/index.js';

/** Where a definition lives, as a chip: git files link to the file. */
export function SourceChip({ source }: { source: DefinitionSource }) {
  if (source.type === 'file' && source.location) {
    return <Chip size="small" variant="outlined" label={<Link to={source.location}>git file</Link>} />;
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
        {source.location && <Link to={source.location}>Open the file</Link>}
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
