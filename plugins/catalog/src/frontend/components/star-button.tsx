import Star from '@mui/icons-material/Star';
import StarBorder from '@mui/icons-material/StarBorder';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useStarredEntities } from '../starred/use-starred-entities.js';

/** Props of {@link StarButton}. */
export interface StarButtonProps {
  /** Canonical ref of the entity. */
  entityRef: string;
  /** Named in the button's accessible label, e.g. the entity's title. */
  entityName: string;
  size?: 'small' | 'medium';
}

/**
 * Stars or unstars an entity: a toggle button (`aria-pressed`) named after the entity, so
 * every row's button is distinct.
 *
 * @example
 * <StarButton entityRef="component:default/petstore" entityName="Petstore" />
 */
export function StarButton({ entityRef, entityName, size = 'small' }: StarButtonProps) {
  const { isStarred, toggleStarred } = useStarredEntities();
  const starred = isStarred(entityRef);
  return (
    <Tooltip title={starred ? 'Starred' : 'Star'}>
      <IconButton
        size={size}
        aria-label={`Star ${entityName}`}
        aria-pressed={starred}
        onClick={() => toggleStarred(entityRef)}
      >
        {starred ? <Star fontSize="small" sx={{ color: 'warning.main' }} /> : <StarBorder fontSize="small" />}
      </IconButton>
    </Tooltip>
  );
}
