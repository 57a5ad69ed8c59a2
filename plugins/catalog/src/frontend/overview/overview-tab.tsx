import type { Entity } from '@atrium/catalog-model';
import type { ExtensionInputItem } from '@atrium/web-kernel';
import Box from '@mui/material/Box';
import type { entityCardsInput } from '../blueprints/entity-card-blueprint.js';
import { useEntity } from '../blueprints/entity-context.js';
import { ProcessingErrors } from './processing-errors.js';

/** One card as the overview receives it from its `cards` input. */
type EntityCardItem = ExtensionInputItem<typeof entityCardsInput.data>;

/**
 * The Overview tab: processing errors first, then every card whose filter accepts the
 * entity (about, relations, members... and cards other plugins attach).
 *
 * @example
 * <OverviewTab cards={inputs.cards} />
 */
export function OverviewTab({ cards }: { cards: readonly EntityCardItem[] }) {
  const entity = useEntity<Entity>();
  const visible = cards.filter((card) => card.output.filter(entity));
  return (
    <>
      <ProcessingErrors entity={entity} />
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' },
          // Cards keep their own height; stretching a short card beside a long one leaves a hollow box.
          alignItems: 'start',
        }}
      >
        {visible.map((card) => (
          <Box key={card.id} data-extension-id={card.id} sx={{ minWidth: 0 }}>
            {card.output.element}
          </Box>
        ))}
      </Box>
    </>
  );
}
