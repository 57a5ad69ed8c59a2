import type { Entity } from '@atrium/catalog-model';
import { CodeBlock } from '@atrium/ui';
import Box from '@mui/material/Box';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useState } from 'react';
import { stringify } from 'yaml';
import { useEntity } from '../blueprints/entity-context.js';

type Format = 'yaml' | 'json';

/**
 * The Raw tab: the entity exactly as the catalog serves it, as YAML or JSON.
 *
 * @example
 * <RawTab />
 */
export function RawTab() {
  const entity = useEntity<Entity>();
  const [format, setFormat] = useState<Format>('yaml');
  const code = format === 'yaml' ? stringify(entity, { lineWidth: 0 }) : JSON.stringify(entity, null, 2);
  return (
    <Box>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={format}
        onChange={(_, next: Format | null) => next && setFormat(next)}
        aria-label="Format"
        sx={{ mb: 2 }}
      >
        <ToggleButton value="yaml">YAML</ToggleButton>
        <ToggleButton value="json">JSON</ToggleButton>
      </ToggleButtonGroup>
      <CodeBlock code={code} language={format} title={`Entity as ${format.toUpperCase()}`} />
    </Box>
  );
}
