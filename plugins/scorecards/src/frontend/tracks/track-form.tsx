import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Check } from '../../common/index.js';
import { FilterEditor } from '../checks/filter-editor.js';
import { CampaignFieldsEditor } from './campaign-fields.js';
import { LevelsEditor } from './levels-editor.js';
import type { DefinitionKind, TrackDraft } from './track-draft.js';

/** Props of {@link TrackForm}. */
export interface TrackFormProps {
  kind: DefinitionKind;
  draft: TrackDraft;
  onChange: (next: TrackDraft) => void;
  checks: readonly Pick<Check, 'id' | 'name'>[];
  /** The id is fixed once the definition exists. */
  isNew: boolean;
  isReadOnly: boolean;
}

type TextKey = 'id' | 'name' | 'description' | 'ownerEntityRef' | 'documentationURL';

type TextProps = (key: TextKey) => {
  value: string;
  disabled: boolean;
  onChange: (e: { target: { value: string } }) => void;
};

function IdentityFields({ text, hint }: { text: TextProps; hint?: string }) {
  return (
    <>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextField size="small" label="Id" required helperText={hint} {...text('id')} />
        <TextField size="small" label="Name" required sx={{ flex: 1 }} {...text('name')} />
      </Stack>
      <TextField size="small" label="Description" multiline {...text('description')} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextField
          size="small"
          label="Owner"
          placeholder="group:default/platform"
          sx={{ flex: 1 }}
          {...text('ownerEntityRef')}
        />
        <TextField size="small" label="Documentation URL" sx={{ flex: 1 }} {...text('documentationURL')} />
      </Stack>
    </>
  );
}

/** The fields of a track or campaign: identity, applicability, (campaign dates) and ordered levels. */
export function TrackForm({ kind, draft, onChange, checks, isNew, isReadOnly }: TrackFormProps) {
  const text: TextProps = (key) => ({
    value: draft[key] ?? '',
    disabled: isReadOnly || (key === 'id' && !isNew),
    onChange: (e) => onChange({ ...draft, [key]: e.target.value }),
  });
  return (
    <Stack
      spacing={2}
      component="form"
      aria-label={kind === 'track' ? 'Track' : 'Campaign'}
      onSubmit={(e) => e.preventDefault()}
    >
      <IdentityFields text={text} hint={isReadOnly || !isNew ? undefined : 'A slug, e.g. basic-health'} />
      {kind === 'campaign' && (
        <CampaignFieldsEditor
          fields={draft}
          isReadOnly={isReadOnly}
          onChange={(fields) => onChange({ ...draft, ...fields })}
        />
      )}
      <FilterEditor
        label="Applies to (catalog filter)"
        filter={draft.filter}
        isReadOnly={isReadOnly}
        onChange={(filter) => onChange({ ...draft, filter })}
      />
      <FilterEditor
        label="Except (catalog filter)"
        filter={draft.exclude}
        isReadOnly={isReadOnly}
        onChange={(exclude) => onChange({ ...draft, exclude })}
      />
      <LevelsEditor
        levels={draft.levels}
        checks={checks}
        isReadOnly={isReadOnly}
        onChange={(levels) => onChange({ ...draft, levels })}
      />
    </Stack>
  );
}
