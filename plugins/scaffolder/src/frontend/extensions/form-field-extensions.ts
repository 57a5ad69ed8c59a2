import type { ExtensionDefinition } from '@atrium/web-kernel';
import { FormFieldBlueprint } from '../blueprints/form-field-blueprint.js';
import { validateEntityName } from '../fields/entity-name-rules.js';
import { validateRepoUrl } from '../fields/repo-url.js';

/** `form-field:scaffolder/entity-picker`: `ui:field: EntityPicker`, a catalog entity ref. */
export const entityPickerField: ExtensionDefinition = FormFieldBlueprint.make({
  name: 'entity-picker',
  params: {
    name: 'EntityPicker',
    loader: () => import('../fields/entity-picker.js').then((m) => m.EntityPicker),
  },
});

/** `form-field:scaffolder/owner-picker`: `ui:field: OwnerPicker`, a group or user ref. */
export const ownerPickerField: ExtensionDefinition = FormFieldBlueprint.make({
  name: 'owner-picker',
  params: {
    name: 'OwnerPicker',
    loader: () => import('../fields/entity-picker.js').then((m) => m.OwnerPicker),
  },
});

/** `form-field:scaffolder/repo-url-picker`: `ui:field: RepoUrlPicker`, `"<host>?owner=<o>&repo=<r>"`. */
export const repoUrlPickerField: ExtensionDefinition = FormFieldBlueprint.make({
  name: 'repo-url-picker',
  params: {
    name: 'RepoUrlPicker',
    loader: () => import('../fields/repo-url-picker.js').then((m) => m.RepoUrlPicker),
    validate: validateRepoUrl,
  },
});

/** `form-field:scaffolder/entity-name-picker`: `ui:field: EntityNamePicker`, a valid `metadata.name`. */
export const entityNamePickerField: ExtensionDefinition = FormFieldBlueprint.make({
  name: 'entity-name-picker',
  params: {
    name: 'EntityNamePicker',
    loader: () => import('../fields/entity-name-picker.js').then((m) => m.EntityNamePicker),
    validate: validateEntityName,
  },
});

/** The scaffolder's built-in custom fields. */
export const builtinFormFields: readonly ExtensionDefinition[] = [
  entityPickerField,
  ownerPickerField,
  repoUrlPickerField,
  entityNamePickerField,
];
