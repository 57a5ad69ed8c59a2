import DeleteOutline from '@mui/icons-material/DeleteOutline';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { CampaignFields } from './track-draft.js';

type Milestone = CampaignFields['milestones'][number];

/** Props of {@link CampaignFieldsEditor}. */
export interface CampaignFieldsEditorProps {
  fields: Partial<CampaignFields>;
  isReadOnly: boolean;
  onChange: (next: Partial<CampaignFields>) => void;
}

const dateProps = { type: 'date', size: 'small', slotProps: { inputLabel: { shrink: true } } } as const;

function MilestoneRow(props: {
  milestone: Milestone;
  isReadOnly: boolean;
  onChange: (next?: Milestone) => void;
}) {
  const { milestone, isReadOnly, onChange } = props;
  return (
    <Stack
      direction="row"
      spacing={1}
      alignItems="center"
      role="group"
      aria-label={`Milestone ${milestone.name}`}
    >
      <TextField
        size="small"
        label="Milestone"
        disabled={isReadOnly}
        value={milestone.name}
        onChange={(e) => onChange({ ...milestone, name: e.target.value })}
      />
      <TextField
        {...dateProps}
        label="By"
        disabled={isReadOnly}
        value={milestone.date}
        onChange={(e) => onChange({ ...milestone, date: e.target.value })}
      />
      <TextField
        size="small"
        type="number"
        label="Target %"
        disabled={isReadOnly}
        value={milestone.targetPercent}
        onChange={(e) => onChange({ ...milestone, targetPercent: Number(e.target.value) })}
        sx={{ width: 120 }}
      />
      {!isReadOnly && (
        <IconButton size="small" aria-label={`Remove milestone ${milestone.name}`} onClick={() => onChange()}>
          <DeleteOutline fontSize="small" />
        </IconButton>
      )}
    </Stack>
  );
}

function DateFields({ fields, isReadOnly, onChange }: CampaignFieldsEditorProps) {
  return (
    <Stack direction="row" spacing={2}>
      <TextField
        {...dateProps}
        label="Start date"
        required
        disabled={isReadOnly}
        value={fields.startDate ?? ''}
        onChange={(e) => onChange({ ...fields, startDate: e.target.value })}
      />
      <TextField
        {...dateProps}
        label="Target completion date"
        required
        disabled={isReadOnly}
        value={fields.targetCompletionDate ?? ''}
        onChange={(e) => onChange({ ...fields, targetCompletionDate: e.target.value })}
      />
    </Stack>
  );
}

function Milestones({ fields, isReadOnly, onChange }: CampaignFieldsEditorProps) {
  const milestones = fields.milestones ?? [];
  const setMilestone = (index: number, next?: Milestone) =>
    onChange({
      ...fields,
      milestones: next
        ? milestones.map((m, i) => (i === index ? next : m))
        : milestones.filter((_, i) => i !== index),
    });
  const addMilestone = () =>
    onChange({
      ...fields,
      milestones: [
        ...milestones,
        {
          name: `Milestone ${milestones.length + 1}`,
          date: fields.targetCompletionDate ?? '',
          targetPercent: 50,
        },
      ],
    });
  return (
    <Stack spacing={1} role="group" aria-label="Milestones">
      <Typography variant="body2" color="text.secondary">
        Milestones
      </Typography>
      {milestones.map((milestone, index) => (
        <MilestoneRow
          // biome-ignore lint/suspicious/noArrayIndexKey: a milestone's identity is its position (controlled rows)
          key={index}
          milestone={milestone}
          isReadOnly={isReadOnly}
          onChange={(next) => setMilestone(index, next)}
        />
      ))}
      {!isReadOnly && (
        <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={addMilestone}>
          Add milestone
        </Button>
      )}
    </Stack>
  );
}

/** A campaign's start and target dates, milestones (a share of entities done by a date) and archive switch. */
export function CampaignFieldsEditor(props: CampaignFieldsEditorProps) {
  const { fields, isReadOnly, onChange } = props;
  return (
    <Stack spacing={1} component="section" aria-label="Campaign dates">
      <DateFields {...props} />
      <Milestones {...props} />
      <FormControlLabel
        control={
          <Switch
            checked={fields.archived ?? false}
            disabled={isReadOnly}
            onChange={(e) => onChange({ ...fields, archived: e.target.checked })}
          />
        }
        label="Archived (finished; hidden from the overview)"
      />
    </Stack>
  );
}
