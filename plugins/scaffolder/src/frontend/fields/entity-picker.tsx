import { toEntityQueryParams } from '@atrium/catalog/common';
import { catalogApiRef } from '@atrium/catalog/frontend';
import { type Entity, parseEntityRef, stringifyEntityRef } from '@atrium/catalog-model';
import { useDebouncedValue } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { FormFieldProps } from '../blueprints/form-field-blueprint.js';
import { type CatalogFilter, toEntityFilterQuery } from './catalog-filter.js';

/** The `ui:options` of EntityPicker and OwnerPicker. */
export interface EntityPickerOptions {
  catalogFilter?: CatalogFilter | CatalogFilter[];
  allowedKinds?: string[];
  defaultKind?: string;
  defaultNamespace?: string;
  allowArbitraryValues?: boolean;
}

interface EntityOption {
  ref: string;
  label: string;
  kind: string;
}

function readOptions(uiSchema: Record<string, unknown> | undefined, defaults: EntityPickerOptions) {
  const raw = (uiSchema?.['ui:options'] ?? {}) as EntityPickerOptions;
  return { ...defaults, ...raw };
}

function toOption(entity: Entity): EntityOption {
  const ref = stringifyEntityRef(entity);
  return { ref, label: entity.metadata.title ?? entity.metadata.name, kind: entity.kind };
}

/** Parses typed text into a full ref with the picker's defaults; `undefined` when it is not a ref. */
function refFromText(text: string, options: EntityPickerOptions): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(trimmed, {
        defaultKind: options.defaultKind ?? options.allowedKinds?.[0],
        defaultNamespace: options.defaultNamespace,
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * The ref a text stands for: a known option's ref, the ref of the option whose title the
 * field shows (leaving the field hands back the shown title, which must not be re-read
 * as a typed name), else the text parsed as a ref.
 */
function refForText(
  text: string,
  known: ReadonlyMap<string, EntityOption>,
  current: string | null,
  options: EntityPickerOptions,
): string | undefined {
  if (known.has(text)) return text;
  const label = text.trim();
  if (current && known.get(current)?.label === label) return current;
  const titled = [...known.values()].find((option) => option.label === label);
  return titled?.ref ?? refFromText(text, options);
}

function filterFor(options: EntityPickerOptions): CatalogFilter | CatalogFilter[] | undefined {
  if (options.catalogFilter) return options.catalogFilter;
  return options.allowedKinds?.length ? { kind: options.allowedKinds } : undefined;
}

function EntityPickerWith({ defaults, ...props }: FormFieldProps & { defaults: EntityPickerOptions }) {
  const { value, onChange, schema, uiSchema, label, isRequired, isDisabled, errors = [] } = props;
  const options = readOptions(uiSchema, defaults);
  const allowArbitrary = options.allowArbitraryValues !== false;
  const catalog = useApi(catalogApiRef);
  const [input, setInput] = useState('');
  const term = useDebouncedValue(input, 250);
  const filter = filterFor(options);
  const query = useQuery({
    queryKey: ['scaffolder', 'entity-picker', filter, term],
    queryFn: () =>
      catalog.getEntitiesByQuery({
        query: toEntityQueryParams({
          filter: toEntityFilterQuery(filter),
          fullTextFilter: term ? { term, fields: ['metadata.name', 'metadata.title'] } : undefined,
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
          orderField: { field: 'metadata.name', order: 'asc' },
          limit: 50,
        }),
      }),
  });
  const entityOptions = useMemo(() => (query.data?.items ?? []).map(toOption), [query.data]);
  // Every option shown so far, so a chosen entity keeps its title after the search changes.
  const known = useRef(new Map<string, EntityOption>()).current;
  for (const option of entityOptions) known.set(option.ref, option);
  const current = typeof value === 'string' ? value : null;
  const optionFor = (ref: string) => known.get(ref)?.label ?? ref;
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  return (
    <Autocomplete<string, false, false, boolean>
      freeSolo={allowArbitrary}
      autoSelect={allowArbitrary}
      disabled={isDisabled}
      value={current}
      options={entityOptions.map((option) => option.ref)}
      getOptionLabel={optionFor}
      loading={query.isFetching}
      filterOptions={(refs) => refs}
      onInputChange={(_, text, reason) => reason === 'input' && setInput(text)}
      onChange={(_, next) => {
        const ref = typeof next === 'string' ? refForText(next, known, current, options) : undefined;
        onChange(ref ?? (next || undefined));
      }}
      renderOption={({ key, ...itemProps }, ref) => (
        <li key={key} {...itemProps}>
          {optionFor(ref)}
          <span style={{ marginLeft: 8, opacity: 0.6, fontSize: '0.85em' }}>{ref}</span>
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          margin="normal"
          label={label}
          required={isRequired}
          error={errors.length > 0 || query.isError}
          helperText={
            errors.length > 0
              ? errors.join(' ')
              : query.isError
                ? 'The catalog could not be searched'
                : description
          }
        />
      )}
    />
  );
}

/**
 * `ui:field: EntityPicker`: searches the catalog (`catalogFilter`, `allowedKinds`) and
 * stores the chosen entity's full ref; typed refs are completed with `defaultKind` and
 * `defaultNamespace` when `allowArbitraryValues` is on (the default).
 */
export function EntityPicker(props: FormFieldProps) {
  return <EntityPickerWith {...props} defaults={{}} />;
}

/** `ui:field: OwnerPicker`: an EntityPicker over groups and users, defaulting to kind Group. */
export function OwnerPicker(props: FormFieldProps) {
  return <EntityPickerWith {...props} defaults={{ allowedKinds: ['Group', 'User'], defaultKind: 'Group' }} />;
}
