import { Autocomplete, Box, Button, MenuItem, Stack, TextField } from '@mui/material';
import type { RbacRule } from '../../common/index.js';
import { ConditionBuilder } from './condition-builder.js';
import type { EditorData } from './editor-data.js';

const ACTIONS = ['', 'create', 'read', 'update', 'delete'] as const;

function resourceTypeOf(rule: RbacRule, data: EditorData): string | undefined {
  return rule.resourceType ?? data.permissions.find((p) => p.name === rule.permission)?.resourceType;
}

/** A small select whose empty value reads "any". */
function SelectField(props: {
  label: string;
  value: string;
  options: readonly string[];
  width: number;
  onChange(value: string): void;
}) {
  return (
    <TextField
      select
      size="small"
      label={props.label}
      sx={{ minWidth: props.width }}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {props.options.map((option) => (
        <MenuItem key={option} value={option}>
          {option || 'any'}
        </MenuItem>
      ))}
    </TextField>
  );
}

function MatchFields({
  rule,
  data,
  onChange,
}: {
  rule: RbacRule;
  data: EditorData;
  onChange(r: RbacRule): void;
}) {
  const set = (patch: Partial<RbacRule>) =>
    onChange(
      Object.fromEntries(
        Object.entries({ ...rule, ...patch }).filter(([, v]) => v !== undefined && v !== ''),
      ) as RbacRule,
    );
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      <Autocomplete
        freeSolo
        size="small"
        sx={{ minWidth: 280 }}
        options={['*', ...data.permissions.map((p) => p.name)]}
        value={rule.permission ?? ''}
        onInputChange={(_, value) => set({ permission: value || undefined })}
        renderInput={(params) => <TextField {...params} label="Permission" />}
      />
      <SelectField
        label="Resource type"
        width={170}
        value={rule.resourceType ?? ''}
        options={['', ...data.resourceTypes.map((t) => t.resourceType)]}
        onChange={(value) => set({ resourceType: value || undefined })}
      />
      <SelectField
        label="Action"
        width={110}
        value={rule.action ?? ''}
        options={ACTIONS}
        onChange={(value) => set({ action: (value || undefined) as RbacRule['action'] })}
      />
      <SelectField
        label="Effect"
        width={100}
        value={rule.effect}
        options={['allow', 'deny']}
        onChange={(value) => set({ effect: value as RbacRule['effect'] })}
      />
    </Stack>
  );
}

/** One rule of a role: what it matches, its effect and (for resource permissions) its conditions. */
export function RuleEditor({
  rule,
  data,
  onChange,
  onRemove,
}: {
  rule: RbacRule;
  data: EditorData;
  onChange(r: RbacRule): void;
  onRemove(): void;
}) {
  const rules = data.resourceTypes.find((t) => t.resourceType === resourceTypeOf(rule, data))?.rules ?? [];
  return (
    <Box
      component="li"
      sx={{ listStyle: 'none', p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Stack spacing={1}>
        <MatchFields rule={rule} data={data} onChange={onChange} />
        {(rules.length > 0 || rule.conditions) && (
          <ConditionBuilder
            value={rule.conditions}
            rules={rules}
            onChange={(conditions) => {
              const { conditions: _old, ...rest } = rule;
              onChange(conditions ? { ...rest, conditions } : rest);
            }}
          />
        )}
        <Button color="error" sx={{ alignSelf: 'flex-start' }} onClick={onRemove}>
          Remove rule
        </Button>
      </Stack>
    </Box>
  );
}
