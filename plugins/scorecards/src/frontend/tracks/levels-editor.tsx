import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Check, Level } from '../../common/index.js';
import { LevelEditor } from './level-editor.js';
import { moveLevel, renumberLevels } from './track-draft.js';

/** Props of {@link LevelsEditor}. */
export interface LevelsEditorProps {
  levels: readonly Level[];
  checks: readonly Pick<Check, 'id' | 'name'>[];
  isReadOnly: boolean;
  onChange: (next: Level[]) => void;
}

/** A track's ordered levels: the first is the easiest; an entity reaches a level when it and every level before it pass. */
export function LevelsEditor({ levels, checks, isReadOnly, onChange }: LevelsEditorProps) {
  const replace = (index: number, level: Level) => onChange(levels.map((l, i) => (i === index ? level : l)));
  const remove = (index: number) => onChange(renumberLevels(levels.filter((_, i) => i !== index)));
  const add = () =>
    onChange([...levels, { ordinal: levels.length + 1, name: `Level ${levels.length + 1}`, checks: [] }]);
  return (
    <Stack spacing={1} component="section" aria-label="Levels">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Levels
      </Typography>
      <Typography variant="body2" color="text.secondary">
        In order, easiest first: an entity reaches a level when its checks and every earlier level's checks
        pass.
      </Typography>
      {levels.map((level, index) => (
        <LevelEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: a level's identity is its position (the editor is controlled)
          key={index}
          level={level}
          checks={checks}
          isFirst={index === 0}
          isLast={index === levels.length - 1}
          isReadOnly={isReadOnly}
          onChange={(next) => replace(index, next)}
          onMove={(by) => onChange(moveLevel(levels, index, by))}
          onRemove={levels.length > 1 ? () => remove(index) : undefined}
        />
      ))}
      {!isReadOnly && (
        <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={add}>
          Add level
        </Button>
      )}
    </Stack>
  );
}
