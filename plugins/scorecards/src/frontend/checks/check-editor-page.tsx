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
import { ReadOnlyNotice } from '../components/definition-source.js';
import { type CheckDraft, draftOf, newCheckDraft, toCheckInput } from './check-draft.js';
import { CheckForm } from './check-form.js';
import { DryRunPreview } from './dry-run-preview.js';
import { YamlExportDialog } from './yaml-export-dialog.js';

function Editor({ check, factRefs, canEdit }: { check?: Check; factRefs: string[]; canEdit: boolean }) {
  const client = useApi(scorecardsApiRef);
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<CheckDraft>(() => (check ? draftOf(check) : newCheckDraft()));
  const [entityRefs, setEntityRefs] = useState<string[]>([]);
  const [isExporting, setExporting] = useState(false);
  const isReadOnly = !canEdit || (check !== undefined && check.source.type !== 'ui');
  const save = useMutation({
    mutationFn: () =>
      check
        ? client.updateCheck({ params: { checkId: check.id }, body: toCheckInput(draft) })
        : client.createCheck({ body: toCheckInput(draft) }),
    onSuccess: async (saved) => {
      await queries.invalidateQueries({ queryKey: ['scorecards'] });
      navigate(`/scorecards/checks/${encodeURIComponent(saved.id)}`);
    },
  });
  const actions = (
    <Stack direction="row" spacing={1}>
      {check && <Button onClick={() => setExporting(true)}>Export YAML</Button>}
      {!isReadOnly && (
        <Button variant="contained" disabled={save.isPending} onClick={() => save.mutate()}>
          {check ? 'Save' : 'Create'}
        </Button>
      )}
    </Stack>
  );
  return (
    <Page title={check ? check.name : 'New check'} overline="Scorecards · Check" actions={actions}>
      <Stack spacing={3}>
        {check && isReadOnly && (
          <ReadOnlyNotice what="check" source={check.source} configKey="scorecards.checks" />
        )}
        {save.error && <ErrorPanel error={save.error} title="Not saved" />}
        <CheckForm
          draft={draft}
          onChange={setDraft}
          factRefs={factRefs}
          isNew={!check}
          isReadOnly={isReadOnly}
        />
        {canEdit && (
          <DryRunPreview
            draft={toCheckInput(draft)}
            entityRefs={entityRefs}
            onEntityRefsChange={setEntityRefs}
          />
        )}
      </Stack>
      {isExporting && check && (
        <YamlExportDialog kind="check" ids={[check.id]} onClose={() => setExporting(false)} />
      )}
    </Page>
  );
}

/** `/scorecards/checks/new` and `/scorecards/checks/:checkId`: the no-code editor with a live dry run. */
export function CheckEditorPage() {
  const { checkId } = useParams();
  const client = useApi(scorecardsApiRef);
  const access = useScorecardsAccess();
  const data = useQuery({
    queryKey: ['scorecards', 'check-editor', checkId ?? ''],
    queryFn: async () => {
      const [check, collectors] = await Promise.all([
        checkId ? client.getCheck({ params: { checkId } }) : Promise.resolve(undefined),
        client.listFactCollectors(),
      ]);
      const factRefs = collectors.factCollectors.flatMap((c) => c.facts.map((f) => f.factRef));
      return { check, factRefs };
    },
  });
  if (data.error) return <ErrorPanel error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data || !access.data) return <Progress />;
  return (
    <Editor
      key={checkId ?? 'new'}
      check={data.data.check}
      factRefs={data.data.factRefs}
      canEdit={access.data.canEditChecks}
    />
  );
}
