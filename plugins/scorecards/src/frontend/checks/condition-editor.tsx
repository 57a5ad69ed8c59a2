import Autocomplete from '@mui/material/Autocomplete';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { RULE_OPERATORS, type RuleCondition, type RuleOperator } from '../../common/index.js';
import { formatValue, parseValue } from './rule-model.js';

/** Props of {@link ConditionEditor}. */
export interface ConditionEditorProps {
  condition: RuleCondition;
  onChange: (next: RuleCondition) => void;
  /** Fact refs the installed collectors declare (any other may be typed). */
  factRefs: readonly string[];
  isReadOnly: boolean;
}

/** One leaf of a rule: fact, JSONPath, operator and value. */
export function ConditionEditor({ condition, onChange, factRefs, isReadOnly }: ConditionEditorProps) {
  const [valueText, setValueText] = useState(() => formatValue(condition.value));
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ flex: 1 }}>
      <Autocomplete
        freeSolo
        disabled={isReadOnly}
        options={[...factRefs]}
        value={condition.factRef}
        onInputChange={(_, factRef) => onChange({ ...condition, factRef })}
        sx={{ minWidth: 260, flex: 2 }}
        renderInput={(params) => <TextField {...params} size="small" label="Fact" />}
      />
      <TextField
        size="small"
        label="Path"
        disabled={isReadOnly}
        value={condition.path ?? '$'}
        onChange={(e) => onChange({ ...condition, path: e.target.value })}
        sx={{ flex: 2 }}
      />
      <TextField
        select
        size="small"
        label="Operator"
        disabled={isReadOnly}
        value={condition.operator}
        onChange={(e) => onChange({ ...condition, operator: e.target.value as RuleOperator })}
        sx={{ minWidth: 170 }}
      >
        {RULE_OPERATORS.map((operator) => (
          <MenuItem key={operator} value={operator}>
            {operator}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        label="Value"
        disabled={isReadOnly || condition.operator === 'exists'}
        value={valueText}
        placeholder={condition.operator === 'in' ? '["a", "b"]' : undefined}
        onChange={(e) => {
          setValueText(e.target.value);
          onChange({ ...condition, value: parseValue(e.target.value) });
        }}
        sx={{ flex: 1.5 }}
      />
    </Stack>
  );
}
