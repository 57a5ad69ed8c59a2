import { Autocomplete, Button, Stack, TextField, Typography } from '@mui/material';
import type { RbacRole } from '../../common/index.js';
import type { EditorData } from './editor-data.js';
import { RuleEditor } from './rule-editor.js';

function MembersField({
  members,
  candidates,
  onChange,
}: {
  members: string[];
  candidates: string[];
  onChange(m: string[]): void;
}) {
  return (
    <Autocomplete
      multiple
      freeSolo
      size="small"
      options={['*', ...candidates]}
      value={members}
      onChange={(_, value) => onChange(value as string[])}
      renderInput={(params) => (
        <TextField
          {...params}
          label="Members"
          helperText="Users and groups (group members count through sub-groups); * is every signed-in user"
        />
      )}
    />
  );
}

/** Edits one role: name, description, members (catalog users and groups, or `*`) and rules. */
export function RoleEditor({
  role,
  data,
  onChange,
}: {
  role: RbacRole;
  data: EditorData;
  onChange(r: RbacRole): void;
}) {
  return (
    <Stack spacing={2} component="section" aria-label={`Role ${role.name}`}>
      <Stack direction="row" spacing={2}>
        <TextField
          size="small"
          label="Name"
          value={role.name}
          onChange={(e) => onChange({ ...role, name: e.target.value })}
        />
        <TextField
          size="small"
          label="Description"
          fullWidth
          value={role.description ?? ''}
          onChange={(e) => onChange({ ...role, description: e.target.value || undefined })}
        />
      </Stack>
      <MembersField
        members={role.members}
        candidates={data.members}
        onChange={(members) => onChange({ ...role, members })}
      />
      <Typography variant="subtitle2">Rules</Typography>
      <Stack component="ul" spacing={1} sx={{ p: 0, m: 0 }}>
        {role.rules.map((rule, i) => (
          <RuleEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity of their own
            key={i}
            rule={rule}
            data={data}
            onChange={(r) => onChange({ ...role, rules: role.rules.map((x, j) => (j === i ? r : x)) })}
            onRemove={() => onChange({ ...role, rules: role.rules.filter((_, j) => j !== i) })}
          />
        ))}
      </Stack>
      <Button
        sx={{ alignSelf: 'flex-start' }}
        onClick={() =>
          onChange({
            ...role,
            rules: [...role.rules, { permission: data.permissions[0]?.name ?? '*', effect: 'allow' }],
          })
        }
      >
        Add rule
      </Button>
    </Stack>
  );
}
