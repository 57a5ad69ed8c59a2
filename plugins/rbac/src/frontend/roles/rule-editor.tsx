import { Autocomplete, Box, Button, MenuItem, Stack, TextField } from '@mui/material';
import type { RbacRule } from '../../common/index.js';
import { ConditionBuilder } from './condition-builder.js';
import type { EditorData } from './editor-data.js';

const ACTIONS = ['', 'create', 'read', 'update', 'delete'] as const;

function resourceTypeOf(rule: RbacRule, data: EditorData): string | undefined {
  return rule.resourceType ?? data.permissions.find((p) => p.name === rule.permission)?.resourceType;
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
      <TextField
        select
        size="small"
        label="Resource type"
        sx={{ minWidth: 170 }}
        value={rule.resourceType ?? ''}
        onChange={(e) => set({ resourceType: e.target.value || undefined })}
      >
        <MenuItem value="">any</MenuItem>
        {data.resourceTypes.map((t) => (
          <MenuItem key={t.resourceType} value={t.resourceType}>
            {t.resourceType}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label="Action"
        sx={{ minWidth: 110 }}
        value={rule.action ?? ''}
        onChange={(e) => set({ action: (e.target.value || undefined) as RbacRule['action'] })}
      >
        {ACTIONS.map((a) => (
          <MenuItem key={a} value={a}>
            {a || 'any'}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label="Effect"
        sx={{ minWidth: 100 }}
        value={rule.effect}
        onChange={(e) => set({ effect: e.target.value as RbacRule['effect'] })}
      >
        <MenuItem value="allow">allow</MenuItem>
        <MenuItem value="deny">deny</MenuItem>
      </TextField>
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
