import DeleteOutline from '@mui/icons-material/DeleteOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { Rule } from '../../common/index.js';
import { ConditionEditor } from './condition-editor.js';
import { isCondition, newCondition } from './rule-model.js';

/** Props of {@link RuleBuilder}. */
export interface RuleBuilderProps {
  rule: Rule;
  onChange: (next: Rule) => void;
  /** Removes this node from its parent; the root has none. */
  onRemove?: () => void;
  factRefs: readonly string[];
  isReadOnly: boolean;
  depth?: number;
}

function GroupEditor({
  rule,
  onChange,
  factRefs,
  isReadOnly,
  depth = 0,
}: RuleBuilderProps & { rule: { all: Rule[] } | { any: Rule[] } }) {
  const mode = 'all' in rule ? 'all' : 'any';
  const children = 'all' in rule ? rule.all : rule.any;
  const set = (next: Rule[], nextMode = mode) => onChange(nextMode === 'all' ? { all: next } : { any: next });
  const add = (child: Rule) => set([...children, child]);
  return (
    <Stack spacing={1} sx={{ flex: 1 }}>
      <TextField
        select
        size="small"
        label="Combine"
        disabled={isReadOnly}
        value={mode}
        onChange={(e) => set(children, e.target.value as 'all' | 'any')}
        sx={{ width: 180 }}
      >
        <MenuItem value="all">All of (AND)</MenuItem>
        <MenuItem value="any">Any of (OR)</MenuItem>
      </TextField>
      {children.map((child, index) => (
        <RuleBuilder
          // biome-ignore lint/suspicious/noArrayIndexKey: rule nodes have no identity but their position
          key={index}
          rule={child}
          depth={depth + 1}
          factRefs={factRefs}
          isReadOnly={isReadOnly}
          onChange={(next) => set(children.map((c, i) => (i === index ? next : c)))}
          onRemove={children.length > 1 ? () => set(children.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      {!isReadOnly && (
        <Stack direction="row" spacing={1}>
          <Button size="small" onClick={() => add(newCondition(factRefs[0]))}>
            Add condition
          </Button>
          <Button size="small" onClick={() => add({ any: [newCondition(factRefs[0])] })}>
            Add group
          </Button>
          <Button size="small" onClick={() => add({ not: newCondition(factRefs[0]) })}>
            Add NOT
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

/**
 * A rule as a tree of editors: `all` / `any` groups, `not`, and leaf conditions
 * (fact, JSONPath, operator, value). The root is always a group, so conditions can be added.
 */
export function RuleBuilder(props: RuleBuilderProps) {
  const { rule, onChange, onRemove, factRefs, isReadOnly, depth = 0 } = props;
  let body: ReactNode;
  if (isCondition(rule)) {
    body = (
      <ConditionEditor condition={rule} onChange={onChange} factRefs={factRefs} isReadOnly={isReadOnly} />
    );
  } else if ('not' in rule) {
    body = (
      <Stack direction="row" spacing={1} sx={{ flex: 1 }} alignItems="flex-start">
        <Typography variant="overline" sx={{ pt: 1 }}>
          Not
        </Typography>
        <RuleBuilder
          rule={rule.not}
          depth={depth + 1}
          factRefs={factRefs}
          isReadOnly={isReadOnly}
          onChange={(next) => onChange({ not: next })}
        />
      </Stack>
    );
  } else {
    body = <GroupEditor {...props} rule={rule} />;
  }
  return (
    <Box
      role="group"
      aria-label={isCondition(rule) ? 'Condition' : 'not' in rule ? 'Not' : 'Group'}
      sx={{
        display: 'flex',
        gap: 1,
        alignItems: 'flex-start',
        pl: depth ? 2 : 0,
        borderLeft: depth ? 2 : 0,
        borderColor: 'divider',
      }}
    >
      {body}
      {onRemove && !isReadOnly && (
        <IconButton size="small" aria-label="Remove" onClick={onRemove}>
          <DeleteOutline fontSize="small" />
        </IconButton>
      )}
    </Box>
  );
}
