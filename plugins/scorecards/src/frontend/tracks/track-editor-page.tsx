import { ErrorPanel, Page, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Check } from '../../common/index.js';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { useScorecardsAccess } from '../api/use-scorecards-access.js';
import { YamlExportDialog } from '../checks/yaml-export-dialog.js';
import { ReadOnlyNotice } from '../components/definition-source.js';
import { definitionApi, definitionKinds } from './definition-api.js';
import {
  type DefinitionKind,
  draftOfDefinition,
  newTrackDraft,
  type StoredDefinition,
} from './track-draft.js';
import { TrackForm } from './track-form.js';

interface EditorProps {
  kind: DefinitionKind;
  stored?: StoredDefinition;
  checks: Check[];
  canEdit: boolean;
}

function Editor({ kind, stored, checks, canEdit }: EditorProps) {
  const api = definitionApi(useApi(scorecardsApiRef), kind);
  const queries = useQueryClient();
  const navigate = useNavigate();
  const words = definitionKinds[kind];
  const [draft, setDraft] = useState(() => (stored ? draftOfDefinition(stored) : newTrackDraft(kind)));
  const [isExporting, setExporting] = useState(false);
  const isReadOnly = !canEdit || (stored !== undefined && stored.source.type !== 'ui');
  const save = useMutation({
    mutationFn: () => api.save(draft, stored?.id),
    onSuccess: async (saved) => {
      await queries.invalidateQueries({ queryKey: ['scorecards'] });
      navigate(`${words.path}/${encodeURIComponent(saved.id)}`);
    },
  });
  const actions = (
    <Stack direction="row" spacing={1}>
      {stored && <Button onClick={() => setExporting(true)}>Export YAML</Button>}
      {!isReadOnly && (
        <Button variant="contained" disabled={save.isPending} onClick={() => save.mutate()}>
          {stored ? 'Save' : 'Create'}
        </Button>
      )}
    </Stack>
  );
  return (
    <Page
      title={stored ? stored.name : `New ${words.title.toLowerCase()}`}
      overline={`Scorecards · ${words.title}`}
      actions={actions}
    >
      <Stack spacing={3}>
        {stored && isReadOnly && (
          <ReadOnlyNotice
            what={words.title.toLowerCase()}
            source={stored.source}
            configKey={words.configKey}
          />
        )}
        {save.isSuccess && !save.isPending && <span role="status">Saved.</span>}
        {save.error && <ErrorPanel error={save.error} title="Not saved" />}
        <TrackForm
          kind={kind}
          draft={draft}
          onChange={setDraft}
          checks={checks}
          isNew={!stored}
          isReadOnly={isReadOnly}
        />
      </Stack>
      {isExporting && stored && (
        <YamlExportDialog kind={kind} ids={[stored.id]} onClose={() => setExporting(false)} />
      )}
    </Page>
  );
}

/** `/scorecards/{tracks,campaigns}/new` and `/:id`: ordered levels of checks; git and config ones read-only. */
export function TrackEditorPage({ kind }: { kind: DefinitionKind }) {
  const { id } = useParams();
  const api = definitionApi(useApi(scorecardsApiRef), kind);
  const access = useScorecardsAccess();
  const data = useQuery({
    queryKey: ['scorecards', `${kind}-editor`, id ?? ''],
    queryFn: async () => {
      const [stored, checks] = await Promise.all([
        id ? api.get(id) : Promise.resolve(undefined),
        api.checks(),
      ]);
      return { stored, checks };
    },
  });
  if (data.error) return <ErrorPanel error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data || !access.data) return <Progress />;
  return (
    <Editor
      key={`${kind}:${id ?? 'new'}`}
      kind={kind}
      stored={data.data.stored}
      checks={data.data.checks}
      canEdit={access.data.canEditChecks}
    />
  );
}
