import { catalogApiRef } from '@atrium/catalog/frontend';
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
import type { DryRunResult, JsonObject } from '../../common/index.js';
import { scaffolderApiRef } from '../api/scaffolder-api.js';
import { TemplateWizard } from '../form/template-wizard.js';
import { useScaffolderContext } from '../scaffolder-context.js';
import { encodeBase64 } from './base64.js';
import { DryRunResultView } from './dry-run-result.js';
import { type LoadedTemplate, loadTemplate } from './load-template.js';
import { LoadedFilesNotice } from './loaded-files-notice.js';
import { parseTemplate } from './parse-template.js';
import { sampleFiles, sampleTemplate } from './sample-template.js';
import { type EditorFile, SkeletonFiles } from './skeleton-files.js';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 };

/** `/create/edit`: paste or load a template, fill its form and dry-run it on editable skeleton files. */
export function TemplateEditorPage() {
  const scaffolder = useApi(scaffolderApiRef);
  const catalog = useApi(catalogApiRef);
  const { formFields, routes } = useScaffolderContext();
  const [yamlText, setYamlText] = useState(sampleTemplate);
  const [files, setFiles] = useState<EditorFile[]>(sampleFiles);
  const [ref, setRef] = useState('');
  const [loadError, setLoadError] = useState<unknown>();
  const [loaded, setLoaded] = useState<LoadedTemplate>();
  const [result, setResult] = useState<DryRunResult>();
  const parsed = useMemo(() => parseTemplate(yamlText), [yamlText]);
  // A new form whenever the form part of the template changes; edits to steps keep the values.
  const formKey = parsed.ok ? JSON.stringify(parsed.parameters) : 'invalid';

  const load = async () => {
    setLoadError(undefined);
    setLoaded(undefined);
    try {
      const template = await loadTemplate(catalog, scaffolder, ref);
      setYamlText(template.yaml);
      setFiles(template.files);
      setLoaded(template);
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
        base64Content: file.binaryBase64 ?? encodeBase64(file.content),
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
          {loaded && <LoadedFilesNotice template={loaded} />}
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
