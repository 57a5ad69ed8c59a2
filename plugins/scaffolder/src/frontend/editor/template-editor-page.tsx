import { catalogApiRef } from '@atrium/catalog/frontend';
import { parseEntityRef } from '@atrium/catalog-model';
import { InputError, ResponseError } from '@atrium/errors';
import { ErrorPanel, Link, Page } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { stringify } from 'yaml';
import type { DryRunResult, JsonObject } from '../../common/index.js';
import { scaffolderApiRef } from '../api/scaffolder-api.js';
import { TemplateWizard } from '../form/template-wizard.js';
import { useScaffolderContext } from '../scaffolder-context.js';
import { encodeBase64 } from './base64.js';
import { DryRunResultView } from './dry-run-result.js';
import { parseTemplate } from './parse-template.js';
import { sampleFiles, sampleTemplate } from './sample-template.js';
import { type EditorFile, SkeletonFiles } from './skeleton-files.js';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 };

/** Reads a template from the catalog by ref and returns it as YAML without catalog-added fields. */
function templateYaml(entity: JsonObject): string {
  const { relations: _relations, status: _status, ...rest } = entity;
  const metadata = { ...((rest.metadata as JsonObject | undefined) ?? {}) };
  for (const key of ['uid', 'etag', 'generation']) delete metadata[key];
  return stringify({ ...rest, metadata });
}

/** `/create/edit`: paste or load a template, fill its form and dry-run it on editable skeleton files. */
export function TemplateEditorPage() {
  const scaffolder = useApi(scaffolderApiRef);
  const catalog = useApi(catalogApiRef);
  const { formFields, routes } = useScaffolderContext();
  const [yamlText, setYamlText] = useState(sampleTemplate);
  const [files, setFiles] = useState<EditorFile[]>(sampleFiles);
  const [ref, setRef] = useState('');
  const [loadError, setLoadError] = useState<unknown>();
  const [result, setResult] = useState<DryRunResult>();
  const parsed = useMemo(() => parseTemplate(yamlText), [yamlText]);
  // A new form whenever the form part of the template changes; edits to steps keep the values.
  const formKey = parsed.ok ? JSON.stringify(parsed.parameters) : 'invalid';

  const load = async () => {
    setLoadError(undefined);
    try {
      const { kind, namespace, name } = parseEntityRef(ref.trim(), { defaultKind: 'template' });
      const entity = await catalog.getEntityByName({ params: { kind, namespace, name } }).catch((error) => {
        if (!(error instanceof ResponseError && error.statusCode === 404)) throw error;
        throw new InputError(`No template '${ref.trim()}' in the catalog.`);
      });
      setYamlText(templateYaml(entity as unknown as JsonObject));
      setResult(undefined);
    } catch (error) {
      setLoadError(error);
    }
  };

  const dryRun = async (values: JsonObject) => {
    if (!parsed.ok) return;
    setResult(undefined);
    const directoryContents = files
      .filter((file) => file.path.trim() && !file.path.endsWith('/'))
      .map((file) => ({
        path: file.path.trim().replace(/^\.?\//, ''),
        base64Content: encodeBase64(file.content),
      }));
    setResult(await scaffolder.dryRun({ body: { template: parsed.entity, values, directoryContents } }));
  };

  return (
    <Page
      title="Template editor"
      subtitle="Try a template without side effects: fill its form, dry-run it and inspect the files it would produce."
      actions={<Link to={routes.gallery}>All templates</Link>}
    >
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 3 }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <Stack
            direction="row"
            spacing={1}
            component="form"
            aria-label="Load a template from the catalog"
            onSubmit={(event) => {
              event.preventDefault();
              void load();
            }}
          >
            <TextField
              size="small"
              fullWidth
              label="Template ref"
              placeholder="template:default/node-service"
              value={ref}
              onChange={(event) => setRef(event.target.value)}
            />
            <Button type="submit" variant="outlined" disabled={!ref.trim()}>
              Load
            </Button>
          </Stack>
          {loadError !== undefined && <ErrorPanel error={loadError} title="Could not load the template" />}
          <TextField
            multiline
            fullWidth
            minRows={18}
            maxRows={40}
            label="Template YAML"
            value={yamlText}
            onChange={(event) => setYamlText(event.target.value)}
            slotProps={{ htmlInput: { style: mono, spellCheck: false } }}
          />
          <SkeletonFiles files={files} onChange={setFiles} />
        </Stack>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h6" component="h2" gutterBottom>
            Form preview
          </Typography>
          {parsed.ok ? (
            <Paper variant="outlined" sx={{ p: 2 }}>
              <TemplateWizard
                key={formKey}
                parameters={parsed.parameters}
                formFields={formFields}
                onSubmit={dryRun}
                submitLabel="Dry run"
              />
            </Paper>
          ) : (
            <Alert severity="warning">{parsed.message}</Alert>
          )}
          {result && <DryRunResultView result={result} />}
        </Box>
      </Box>
    </Page>
  );
}
