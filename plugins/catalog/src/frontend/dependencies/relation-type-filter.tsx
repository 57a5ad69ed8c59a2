import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { graphRelationTypes } from './entity-graph.js';

/**
 * One checkbox per relation type the graph can follow; the graph shows the checked ones.
 *
 * @example
 * <RelationTypeFilter types={types} onChange={setTypes} />
 */
export function RelationTypeFilter({
  types,
  onChange,
}: {
  types: readonly string[];
  onChange(types: readonly string[]): void;
}) {
  const toggle = (type: string) =>
    onChange(types.includes(type) ? types.filter((t) => t !== type) : [...types, type]);
  return (
    <Box
      role="group"
      aria-label="Relation types"
      sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1, mb: 2 }}
    >
      {graphRelationTypes.map((type) => (
        <FormControlLabel
          key={type}
          control={<Checkbox size="small" checked={types.includes(type)} onChange={() => toggle(type)} />}
          label={type}
        />
      ))}
    </Box>
  );
}
