import { stringifyEntityRef } from '@atrium/catalog-model';
import { CodeBlock } from '@atrium/ui';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { stringify } from 'yaml';
import { EntityRefLink } from '../components/entity-ref-link.js';
import { entityDisplayName } from '../components/entity-route.js';
import type { ExistingEntity } from './find-existing-entities.js';
import { type ImportPlan, isRedundant, newEntities, type PlannedLocation } from './import-plan.js';

function OwnerLocation({ existing }: { existing: ExistingEntity }) {
  if (!existing.origin) return <>from an entity provider, not from a location</>;
  return (
    <>
      {'from '}
      <Box component="code" sx={{ wordBreak: 'break-all' }}>
        {existing.origin}
      </Box>
      {existing.readFrom && (
        <>
          {' (read from '}
          <Box component="code" sx={{ wordBreak: 'break-all' }}>
            {existing.readFrom}
          </Box>
          )
        </>
      )}
    </>
  );
}

function AlreadyInCatalog({ planned }: { planned: PlannedLocation }) {
  const existing = [...planned.existing.values()];
  if (existing.length === 0) return null;
  return (
    <Alert
      severity="warning"
      sx={{ my: 1 }}
      aria-label={`Already in the catalog: ${planned.location.target}`}
    >
      <AlertTitle>
        {existing.length === 1
          ? 'This entity is already in the catalog'
          : `${existing.length} of these entities are already in the catalog`}
      </AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {existing.map((item) => (
          <li key={stringifyEntityRef(item.entity)}>
            <EntityRefLink entityRef={item.entity} /> <OwnerLocation existing={item} />
          </li>
        ))}
      </Box>
      <Typography variant="body2" sx={{ mt: 1 }}>
        Registering this location does not move them: an entity stays with the location that read it first,
        and the new one reports a conflict. To read them from here instead, unregister the location that owns
        them first (on an entity's page: Unregister location).
      </Typography>
    </Alert>
  );
}

function LocationPreview({ planned }: { planned: PlannedLocation }) {
  const entities = newEntities(planned);
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
      <AlreadyInCatalog planned={planned} />
      {entities.length > 0 && (
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
      )}
      {entities.length === 0 && planned.existing.size === 0 && (
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
 * The review step: per location, the new entities a dry run says would be imported and
 * those the catalog already has from another location (which registering would not move);
 * or a suggested descriptor when the repository has none.
 *
 * @example
 * <ImportReview plan={plan} />
 */
export function ImportReview({ plan }: { plan: ImportPlan }) {
  if (plan.locations.length === 0) return <GeneratedSuggestion plan={plan} />;
  const count = plan.locations.reduce((sum, planned) => sum + newEntities(planned).length, 0);
  const locations = plan.locations.filter((planned) => !isRedundant(planned)).length;
  return (
    <Box>
      <Typography variant="body1" sx={{ mb: 2 }}>
        {locations === 0
          ? 'Nothing new: everything found is already in the catalog.'
          : `${count} ${count === 1 ? 'entity' : 'entities'} in ${locations} ${locations === 1 ? 'location' : 'locations'} will be added to the catalog:`}
      </Typography>
      {plan.locations.map((planned) => (
        <LocationPreview key={planned.location.target} planned={planned} />
      ))}
    </Box>
  );
}
