import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FormFieldProps } from '../blueprints/form-field-blueprint.js';
import { formatRepoUrl, parseRepoUrl, type RepoUrlParts } from './repo-url.js';

interface RepoUrlOptions {
  allowedHosts?: string[];
  allowedOwners?: string[];
  allowedRepos?: string[];
}

function ChoiceOrText(props: {
  label: string;
  value: string;
  choices?: string[];
  required?: boolean;
  disabled?: boolean;
  error?: string;
  onChange: (value: string) => void;
}) {
  const { choices, error } = props;
  return (
    <TextField
      select={Boolean(choices?.length)}
      fullWidth
      margin="dense"
      label={props.label}
      value={props.value}
      required={props.required}
      disabled={props.disabled}
      error={Boolean(error)}
      helperText={error}
      onChange={(event) => props.onChange(event.target.value)}
    >
      {choices?.map((choice) => (
        <MenuItem key={choice} value={choice}>
          {choice}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * `ui:field: RepoUrlPicker`: host, owner and repository, stored as
 * `"<host>?owner=<o>&repo=<r>"`. `allowedHosts`, `allowedOwners` and `allowedRepos` turn
 * the matching input into a choice.
 */
export function RepoUrlPicker(props: FormFieldProps) {
  const { value, onChange, uiSchema, label, isRequired, isDisabled, errors = [] } = props;
  const options = (uiSchema?.['ui:options'] ?? {}) as RepoUrlOptions;
  const parsed = parseRepoUrl(value);
  const parts: RepoUrlParts = { ...parsed, host: parsed.host || options.allowedHosts?.[0] || '' };
  const update = (change: Partial<RepoUrlParts>) => onChange(formatRepoUrl({ ...parts, ...change }));
  const errorFor = (word: string) => errors.find((message) => message.toLowerCase().includes(word));
  const other = errors.filter(
    (message) => !['host', 'owner', 'repository'].some((w) => message.toLowerCase().includes(w)),
  );
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 1 }}>
      <Typography component="legend" variant="subtitle2">
        {label ?? 'Repository location'}
        {isRequired ? ' *' : ''}
      </Typography>
      <ChoiceOrText
        label="Host"
        value={parts.host}
        choices={options.allowedHosts}
        required={isRequired}
        disabled={isDisabled}
        error={errorFor('host')}
        onChange={(host) => update({ host })}
      />
      <ChoiceOrText
        label="Owner"
        value={parts.owner}
        choices={options.allowedOwners}
        required={isRequired}
        disabled={isDisabled}
        error={errorFor('owner')}
        onChange={(owner) => update({ owner })}
      />
      <ChoiceOrText
        label="Repository"
        value={parts.repo}
        choices={options.allowedRepos}
        required={isRequired}
        disabled={isDisabled}
        error={errorFor('repository')}
        onChange={(repo) => update({ repo })}
      />
      {other.length > 0 && (
        <Typography role="alert" variant="caption" color="error">
          {other.join(' ')}
        </Typography>
      )}
    </Box>
  );
}
