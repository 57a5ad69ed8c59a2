import { type ExtensionDefinition, PageBlueprint } from '@atrium/web-kernel';
import AddBoxOutlined from '@mui/icons-material/AddBoxOutlined';
import { formFieldsInput } from '../blueprints/form-field-blueprint.js';

const defaultPath = '/create';

/**
 * `page:scaffolder`: the software templates at `/create` (gallery, form, tasks, editor),
 * in the navigation as "Create". Its input `formFields` takes `FormFieldBlueprint`
 * extensions from any plugin; each becomes a `ui:field` templates can name.
 */
export const scaffolderPage: ExtensionDefinition = PageBlueprint.makeWithInputs({
  inputs: { formFields: formFieldsInput },
  params: ({ inputs, config }) => {
    const formFields = inputs.formFields.map((item) => item.output.field);
    const basePath = config.path ?? defaultPath;
    return {
      path: defaultPath,
      title: 'Create',
      icon: AddBoxOutlined,
      loader: () =>
        import('../scaffolder-router.js').then((m) => (
          <m.ScaffolderRouter formFields={formFields} basePath={basePath} />
        )),
    };
  },
});
