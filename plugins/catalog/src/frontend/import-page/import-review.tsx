import { stringifyEntityRef } from '@atrium/catalog-model';
import { CodeBlock } from '@atrium/ui';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { stringify } from 'yaml';
import { entityDisplayName } from '../components/entity-route.js';
import type { ImportPlan, PlannedLocation } from './import-plan.js';

function LocationPreview({ planned }: { planned: PlannedLocation }) {
  const entities = planned.entities.filter((entity) => entity.kind.toLowerCase() !== 'location');
  return (
    <Box component="section" aria-label={`Location ${planned.location.target}`} sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h3" sx={{ wordBreak: 'break-all' }}>
        {planned.location.target}
      </Typography>
      {planned.exists && (
        <Alert severity="info" sx={{ my: 1 }}>
          This location is already registered. Importing refreshes it.
        </Alert>
      )}
      <Table size="small" aria-label={`Entities in ${planned.location.target}`}>
        <TableHead>
          <TableRow>
            <TableCell>Kind</TableCell>
            <TableCell>Name</TableCell>
            <TableCell>Entity ref</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entities.map((entity) => {
            const ref = stringifyEntityRef(entity);
            return (
              <TableRow key={ref}>
                <TableCell>{entity.kind}</TableCell>
                <TableCell>{entityDisplayName(entity)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{ref}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {entities.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          This location contains no entities other than itself.
        </Typography>
      )}
    </Box>
  );
}

function GeneratedSuggestion({ plan }: { plan: ImportPlan }) {
  return (
    <Box>
      <Alert severity="warning" sx={{ mb: 2 }}>
        No catalog-info.yaml was found there. Add a descriptor like the one below to the repository, then
        register the file's URL.
      </Alert>
      {plan.generated.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: suggestions have no identity besides their place
        <Box key={index} sx={{ mb: 2 }}>
          <CodeBlock code={stringify(item.entity)} language="yaml" title="catalog-info.yaml (suggested)" />
          {item.fields.filter((field) => field.state === 'needsUserInput').length > 0 && (
            <Box component="ul" sx={{ mt: 1 }}>
              {item.fields
                .filter((field) => field.state === 'needsUserInput')
                .map((field) => (
                  <li key={field.field}>
                    <Box component="code">{field.field}</Box>
                    {`: ${field.description || 'needs a value'}`}
                  </li>
                ))}
            </Box>
          )}
        </Box>
      ))}
    </Box>
  );
}

/**
 * The review step: per location, the entities a dry run says would be imported; or a
 * suggested descriptor when the repository has none.
 *
 * @example
 * <ImportReview plan={plan} />
 */
export function ImportReview({ plan }: { plan: ImportPlan }) {
  if (plan.locations.length === 0) return <GeneratedSuggestion plan={plan} />;
  const count = plan.locations.reduce(
    (sum, planned) => sum + planned.entities.filter((e) => e.kind.toLowerCase() !== 'location').length,
    0,
  );
  return (
    <Box>
      <Typography variant="body1" sx={{ mb: 2 }}>
        {`${count} ${count === 1 ? 'entity' : 'entities'} in ${plan.locations.length} ${plan.locations.length === 1 ? 'location' : 'locations'} will be added to the catalog:`}
      </Typography>
      {plan.locations.map((planned) => (
        <LocationPreview key={planned.location.target} planned={planned} />
      ))}
    </Box>
  );
}
