import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { catalogIndexPath } from '../components/entity-route.js';
import type { ImportResult } from './import-plan.js';
import { ImportResultView } from './import-result.js';

/**
 * Step 3 of the register page: what was imported, with the way to the catalog or back
 * to the start.
 *
 * @example
 * <DoneStep result={result} onRestart={restart} />
 */
export function DoneStep({ result, onRestart }: { result: ImportResult; onRestart(): void }) {
  return (
    <Box>
      <Typography variant="h6" component="h2" gutterBottom>
        Done
      </Typography>
      <ImportResultView result={result} />
      <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
        <Button variant="contained" onClick={onRestart}>
          Register another
        </Button>
        <Button component={RouterLink} to={catalogIndexPath}>
          Go to the catalog
        </Button>
      </Box>
    </Box>
  );
}
