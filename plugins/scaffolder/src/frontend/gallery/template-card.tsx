import { type Entity, RELATION_OWNED_BY } from '@atrium/catalog-model';
import { TagChips } from '@atrium/ui';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { humanizeRef } from '../components/entity-links.js';

/** Props of {@link TemplateCard}. */
export interface TemplateCardProps {
  template: Entity;
  /** Where "Choose" leads: the template's form. */
  to: string;
  onTagSelect?: (tag: string) => void;
}

/** The owner's ref: the `ownedBy` relation, else `spec.owner` (default kind Group). */
function templateOwner(template: Entity): string | undefined {
  const relation = template.relations?.find((r) => r.type === RELATION_OWNED_BY)?.targetRef;
  if (relation) return relation;
  const owner = template.spec?.owner;
  return typeof owner === 'string' ? owner : undefined;
}

/** One template in the gallery: title, type, description, owner, tags, and Choose. */
export function TemplateCard({ template, to, onTagSelect }: TemplateCardProps) {
  const title = template.metadata.title ?? template.metadata.name;
  const type = typeof template.spec?.type === 'string' ? template.spec.type : undefined;
  const owner = templateOwner(template);
  const headingId = `template-${template.metadata.namespace ?? 'default'}-${template.metadata.name}`;
  return (
    <Card
      component="article"
      variant="outlined"
      aria-labelledby={headingId}
      sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}
    >
      <CardContent sx={{ flexGrow: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          {type && <Chip label={type} size="small" color="primary" variant="outlined" />}
        </Stack>
        <Typography id={headingId} variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {template.metadata.description && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {template.metadata.description}
          </Typography>
        )}
        {owner && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
            Owner: {humanizeRef(owner, 'group')}
          </Typography>
        )}
        <TagChips tags={template.metadata.tags ?? []} onSelect={onTagSelect} />
      </CardContent>
      <CardActions sx={{ justifyContent: 'flex-end' }}>
        <Button component={RouterLink} to={to} variant="contained" aria-label={`Choose ${title}`}>
          Choose
        </Button>
      </CardActions>
    </Card>
  );
}
