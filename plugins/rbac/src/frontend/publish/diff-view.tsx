import { Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { PolicyDiff, RbacRule } from '../../common/index.js';

const describeRule = (rule: RbacRule) =>
  `${rule.effect} ${[rule.permission, rule.resourceType, rule.action].filter(Boolean).join(' / ')}${rule.conditions ? ' when ' + JSON.stringify(rule.conditions) : ''}`;

/** A structured diff: roles added, removed and changed (members and rules). */
export function DiffView({ diff }: { diff: PolicyDiff }) {
  if (diff.added.length + diff.removed.length + diff.changed.length === 0)
    return <Typography>No changes.</Typography>;
  return (
    <List aria-label="Changes" dense>
      {diff.added.map((role) => (
        <ListItem key={`+${role.name}`}>
          <Chip size="small" color="success" label="added" sx={{ mr: 1 }} />
          <ListItemText
            primary={role.name}
            secondary={`${role.members.join(', ')} — ${role.rules.map(describeRule).join('; ')}`}
          />
        </ListItem>
      ))}
      {diff.removed.map((role) => (
        <ListItem key={`-${role.name}`}>
          <Chip size="small" color="error" label="removed" sx={{ mr: 1 }} />
          <ListItemText primary={role.name} />
        </ListItem>
      ))}
      {diff.changed.map((change) => (
        <ListItem key={`~${change.name}`}>
          <Chip size="small" color="warning" label="changed" sx={{ mr: 1 }} />
          <ListItemText
            primary={change.name}
            secondary={[
              ...change.membersAdded.map((m) => `+ member ${m}`),
              ...change.membersRemoved.map((m) => `− member ${m}`),
              ...change.rulesAdded.map((r) => `+ rule ${describeRule(r)}`),
              ...change.rulesRemoved.map((r) => `− rule ${describeRule(r)}`),
              ...(change.description ? [`description: ${change.description.to ?? ''}`] : []),
            ].join('; ')}
          />
        </ListItem>
      ))}
    </List>
  );
}
