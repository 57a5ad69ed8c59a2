import { ErrorPanel } from '@atrium/ui';
import { Alert, Box, Button, List, ListItemButton, ListItemText, Stack } from '@mui/material';
import { useState } from 'react';
import type { RbacPolicy } from '../../common/index.js';
import type { EditorData } from './editor-data.js';
import { RoleEditor } from './role-editor.js';

/** Props of {@link RolesTab}. */
export interface RolesTabProps {
  draft: RbacPolicy;
  data: EditorData;
  canWrite: boolean;
  onSave(policy: RbacPolicy): Promise<unknown>;
}

function RoleList({
  roles,
  selected,
  onSelect,
}: {
  roles: RbacPolicy['roles'];
  selected: number;
  onSelect(i: number): void;
}) {
  return (
    <List aria-label="Roles" sx={{ minWidth: 220, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      {roles.map((r, i) => (
        <ListItemButton
          // biome-ignore lint/suspicious/noArrayIndexKey: names change (and may clash) while a role is edited
          key={`${i}-${r.name}`}
          selected={i === selected}
          onClick={() => onSelect(i)}
        >
          <ListItemText primary={r.name} secondary={`${r.members.length} members, ${r.rules.length} rules`} />
        </ListItemButton>
      ))}
    </List>
  );
}

/** The roles of the draft: a list, the selected role's editor, and Save draft. */
export function RolesTab({ draft, data, canWrite, onSave }: RolesTabProps) {
  const [policy, setPolicy] = useState(draft);
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState<{ saved?: boolean; error?: unknown }>({});
  const role = policy.roles[selected];
  const save = async () => {
    try {
      await onSave(policy);
      setStatus({ saved: true });
    } catch (error) {
      setStatus({ error });
    }
  };
  const addRole = () => {
    setPolicy({
      roles: [...policy.roles, { name: `new-role-${policy.roles.length + 1}`, members: [], rules: [] }],
    });
    setSelected(policy.roles.length);
  };
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', gap: 3, alignItems: 'flex-start' }}>
        <RoleList roles={policy.roles} selected={selected} onSelect={setSelected} />
        <Box sx={{ flex: 1 }}>
          {role && (
            <RoleEditor
              role={role}
              data={data}
              onChange={(next) =>
                setPolicy({ roles: policy.roles.map((r, i) => (i === selected ? next : r)) })
              }
            />
          )}
        </Box>
      </Box>
      <Stack direction="row" spacing={1}>
        <Button onClick={addRole}>Add role</Button>
        {role && (
          <Button
            color="error"
            onClick={() => setPolicy({ roles: policy.roles.filter((_, i) => i !== selected) })}
          >
            Delete role
          </Button>
        )}
        <Button variant="contained" disabled={!canWrite} onClick={() => void save()}>
          Save draft
        </Button>
      </Stack>
      {status.saved && <Alert severity="success">Draft saved. Publish it to make it live.</Alert>}
      {status.error !== undefined && <ErrorPanel error={status.error} title="The draft was not saved" />}
    </Stack>
  );
}
