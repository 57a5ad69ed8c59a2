import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Rule } from '../../common/index.js';
import type { CheckDraft } from './check-draft.js';
import { FilterEditor } from './filter-editor.js';
import { RuleBuilder } from './rule-builder.js';
import { newCondition } from './rule-model.js';

/** Props of {@link CheckForm}. */
export interface CheckFormProps {
  draft: CheckDraft;
  onChange: (next: CheckDraft) => void;
  factRefs: readonly string[];
  /** The id is fixed once the check exists. */
  isNew: boolean;
  isReadOnly: boolean;
}

type TextKey = 'id' | 'name' | 'description' | 'ownerEntityRef' | 'passedMessage' | 'failedMessage';
type TextProps = (key: TextKey) => {
  value: string;
  disabled: boolean;
  onChange: (e: { target: { value: string } }) => void;
};

function IdentityFields({
  draft,
  onChange,
  factRefs,
  text,
  isReadOnly,
}: Pick<CheckFormProps, 'draft' | 'onChange' | 'factRefs' | 'isReadOnly'> & { text: TextProps }) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <TextField
        size="small"
        label="Id"
        required
        helperText={text('id').disabled ? undefined : 'A slug, e.g. has-owner'}
        {...text('id')}
      />
      <TextField size="small" label="Name" required sx={{ flex: 1 }} {...text('name')} />
      <TextField
        select
        size="small"
        label="Kind"
        disabled={isReadOnly}
        value={draft.type ?? 'rule'}
        onChange={(e) => {
          const type = e.target.value as 'rule' | 'manual' | 'external';
          onChange({
            ...draft,
            type,
            rule: type === 'rule' ? (draft.rule ?? { all: [newCondition(factRefs[0])] }) : undefined,
          });
        }}
        sx={{ minWidth: 200 }}
      >
        <MenuItem value="rule">Rule (evaluated)</MenuItem>
        <MenuItem value="manual">Manual (a person sets it)</MenuItem>
        <MenuItem value="external">External (CI posts results)</MenuItem>
      </TextField>
    </Stack>
  );
}

function RuleFieldset(
  props: Pick<CheckFormProps, 'factRefs' | 'isReadOnly'> & { rule: Rule; onChange: (rule: Rule) => void },
) {
  return (
    <Stack spacing={1} component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
      <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
        Rule
      </Typography>
      <RuleBuilder {...props} />
    </Stack>
  );
}

function MessageFields({ text }: { text: TextProps }) {
  return (
    <>
      <TextField
        size="small"
        label="Message when passing (Markdown)"
        multiline
        minRows={2}
        {...text('passedMessage')}
      />
      <TextField
        size="small"
        label="Message when failing (Markdown, say how to fix it)"
        multiline
        minRows={2}
        {...text('failedMessage')}
      />
    </>
  );
}

/** The fields of a check: identity, kind, applicability, rule and messages. */
export function CheckForm({ draft, onChange, factRefs, isNew, isReadOnly }: CheckFormProps) {
  const text: TextProps = (key) => ({
    value: draft[key] ?? '',
    disabled: isReadOnly || (key === 'id' && !isNew),
    onChange: (e: { target: { value: string } }) => onChange({ ...draft, [key]: e.target.value }),
  });
  return (
    <Stack spacing={2} component="form" aria-label="Check" onSubmit={(e) => e.preventDefault()}>
      <IdentityFields
        draft={draft}
        onChange={onChange}
        factRefs={factRefs}
        text={text}
        isReadOnly={isReadOnly}
      />
      <TextField size="small" label="Description" multiline {...text('description')} />
      <TextField
        size="small"
        label="Owner"
        placeholder="group:default/platform"
        // Disabled helper text is too faint to read (WCAG contrast): read-only forms go without.
        helperText={isReadOnly ? undefined : 'Its members approve exemptions'}
        {...text('ownerEntityRef')}
      />
      <FilterEditor
        label="Applies to (catalog filter)"
        filter={draft.filter}
        isReadOnly={isReadOnly}
        onChange={(filter) => onChange({ ...draft, filter })}
      />
      {draft.type === 'rule' && draft.rule && (
        <RuleFieldset
          rule={draft.rule}
          factRefs={factRefs}
          isReadOnly={isReadOnly}
          onChange={(rule) => onChange({ ...draft, rule })}
        />
      )}
      <MessageFields text={text} />
      <FormControlLabel
        control={
          <Switch
            checked={draft.warning ?? false}
            disabled={isReadOnly}
            onChange={(e) => onChange({ ...draft, warning: e.target.checked })}
          />
        }
        label="A failure is only a warning (does not block a level)"
      />
    </Stack>
  );
}
