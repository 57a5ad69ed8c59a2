import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { FormFieldProps } from '../blueprints/form-field-blueprint.js';
import { entityNameRule, validateEntityName } from './entity-name-rules.js';

/**
 * `ui:field: EntityNamePicker`: a text field for a new entity's name that checks the
 * catalog's naming rules as soon as the author leaves the field.
 */
export function EntityNamePicker(props: FormFieldProps) {
  const { value, onChange, schema, uiSchema, label, isRequired, isDisabled, errors = [] } = props;
  const [isTouched, setTouched] = useState(false);
  const local = isTouched ? validateEntityName(value) : [];
  const messages = [...new Set([...local, ...errors])];
  const description = typeof schema.description === 'string' ? schema.description : entityNameRule;
  const autoFocus = uiSchema?.['ui:autofocus'] === true;
  return (
    <TextField
      fullWidth
      margin="normal"
      label={label ?? 'Name'}
      required={isRequired}
      disabled={isDisabled}
      autoFocus={autoFocus}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      onBlur={() => setTouched(true)}
      error={messages.length > 0}
      helperText={messages.length > 0 ? messages.join(' ') : description}
      slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
    />
  );
}
