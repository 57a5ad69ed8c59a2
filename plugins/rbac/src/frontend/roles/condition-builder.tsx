import { Button, Checkbox, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import type { RbacCondition, RbacCriteria } from '../../common/index.js';

/** A rule of a resource type, as the conditions listing gives it. */
export interface ConditionRuleInfo {
  name: string;
  description: string;
  paramsSchema?: Record<string, unknown>;
}

type Leaf = RbacCondition & { negate: boolean };
type Simple = { mode: 'anyOf' | 'allOf'; leaves: Leaf[] };

/** The tree as a list of (possibly negated) rules joined by one operator, or undefined when it is more complex. */
export function toSimple(criteria: RbacCriteria | undefined): Simple | undefined {
  if (!criteria) return { mode: 'anyOf', leaves: [] };
  const items = 'anyOf' in criteria ? criteria.anyOf : 'allOf' in criteria ? criteria.allOf : [criteria];
  const leaves = items.map((item) =>
    'not' in item ? { ...item.not, negate: true } : { ...item, negate: false },
  );
  if (!leaves.every((leaf) => 'rule' in leaf)) return undefined;
  return { mode: 'allOf' in criteria ? 'allOf' : 'anyOf', leaves: leaves as Leaf[] };
}

/** Back from the list form to a criteria tree (undefined when empty). */
export function fromSimple({ mode, leaves }: Simple): RbacCriteria | undefined {
  const items: RbacCriteria[] = leaves.map(({ negate, ...leaf }) => (negate ? { not: leaf } : leaf));
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0] : mode === 'allOf' ? { allOf: items } : { anyOf: items };
}

type Property = { type?: string; description?: string };

function ParamField({
  name,
  property,
  value,
  onChange,
}: {
  name: string;
  property: Property;
  value: unknown;
  onChange(v: unknown): void;
}) {
  const isList = property.type === 'array';
  const text = isList
    ? Array.isArray(value)
      ? value.join(', ')
      : ''
    : typeof value === 'string'
      ? value
      : '';
  return (
    <TextField
      size="small"
      label={name}
      helperText={isList ? `${property.description ?? ''} (comma-separated)` : property.description}
      value={text}
      onChange={(event) => {
        const raw = event.target.value;
        onChange(
          isList
            ? raw
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : raw || undefined,
        );
      }}
    />
  );
}

function LeafEditor({
  leaf,
  rules,
  onChange,
  onRemove,
}: {
  leaf: Leaf;
  rules: ConditionRuleInfo[];
  onChange(l: Leaf): void;
  onRemove(): void;
}) {
  const info = rules.find((r) => r.name === leaf.rule);
  const properties = (info?.paramsSchema?.properties ?? {}) as Record<string, Property>;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextField
        select
        size="small"
        label="Rule"
        value={leaf.rule}
        sx={{ minWidth: 180 }}
        onChange={(e) => onChange({ ...leaf, rule: e.target.value, params: {} })}
      >
        {rules.map((r) => (
          <MenuItem key={r.name} value={r.name} title={r.description}>
            {r.name}
          </MenuItem>
        ))}
      </TextField>
      {Object.entries(properties).map(([name, property]) => (
        <ParamField
          key={name}
          name={name}
          property={property}
          value={leaf.params?.[name]}
          onChange={(v) => onChange({ ...leaf, params: { ...leaf.params, [name]: v } })}
        />
      ))}
      <FormControlLabel
        control={
          <Checkbox checked={leaf.negate} onChange={(e) => onChange({ ...leaf, negate: e.target.checked })} />
        }
        label="not"
      />
      <Button onClick={onRemove}>Remove condition</Button>
    </Stack>
  );
}

function CombineField({ mode, onChange }: { mode: Simple['mode']; onChange(mode: Simple['mode']): void }) {
  return (
    <TextField
      select
      size="small"
      label="Combine"
      value={mode}
      sx={{ width: 200 }}
      onChange={(e) => onChange(e.target.value as Simple['mode'])}
    >
      <MenuItem value="anyOf">any of (OR)</MenuItem>
      <MenuItem value="allOf">all of (AND)</MenuItem>
    </TextField>
  );
}

// A tree deeper than "rules joined by one operator" is shown as JSON (edit it in the policy file).
function ReadOnlyConditions({ value }: { value: RbacCriteria | undefined }) {
  return (
    <TextField
      multiline
      size="small"
      label="Conditions (JSON)"
      value={JSON.stringify(value, null, 2)}
      slotProps={{ input: { readOnly: true } }}
    />
  );
}

/** Builds a rule's conditions from the resource type's rules and their params schemas. */
export function ConditionBuilder({
  value,
  rules,
  onChange,
}: {
  value: RbacCriteria | undefined;
  rules: ConditionRuleInfo[];
  onChange(v: RbacCriteria | undefined): void;
}) {
  const simple = toSimple(value);
  if (!simple) return <ReadOnlyConditions value={value} />;
  const update = (next: Simple) => onChange(fromSimple(next));
  return (
    <Stack spacing={1}>
      {simple.leaves.length > 1 && (
        <CombineField mode={simple.mode} onChange={(mode) => update({ ...simple, mode })} />
      )}
      {simple.leaves.map((leaf, i) => (
        <LeafEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own
          key={`${i}-${leaf.rule}`}
          leaf={leaf}
          rules={rules}
          onChange={(l) => update({ ...simple, leaves: simple.leaves.map((x, j) => (j === i ? l : x)) })}
          onRemove={() => update({ ...simple, leaves: simple.leaves.filter((_, j) => j !== i) })}
        />
      ))}
      {rules.length > 0 && (
        <Button
          sx={{ alignSelf: 'flex-start' }}
          onClick={() =>
            update({
              ...simple,
              leaves: [...simple.leaves, { rule: rules[0]!.name, params: {}, negate: false }],
            })
          }
        >
          Add condition
        </Button>
      )}
    </Stack>
  );
}
