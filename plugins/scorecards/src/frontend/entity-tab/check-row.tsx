import { CodeBlock, Markdown } from '@atrium/ui';
import ExpandMore from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Check, CheckResult, Exemption } from '../../common/index.js';
import type { ScorecardsAccess } from '../api/use-scorecards-access.js';
import { describeCheckState } from '../components/check-state.js';
import { CheckStateChip } from '../components/check-state-chip.js';
import { DefinitionFileLink } from '../components/definition-source.js';
import { ExemptionDialog } from './exemption-dialog.js';
import { ManualStateDialog } from './manual-state-dialog.js';
import type { EntityScorecard } from './use-entity-scorecard.js';

/** Props of {@link CheckRow}. */
export interface CheckRowProps {
  entityRef: string;
  checkId: string;
  /** The state the certification counted, when there is no stored result. */
  levelState?: string;
  scorecard: EntityScorecard;
  access?: ScorecardsAccess;
}

/** The state shown: exempted results count as exempt; a check never evaluated is not reported. */
export function displayedState(result: CheckResult | undefined, levelState: string | undefined): string {
  if (result?.exempted) return 'exempt';
  return result?.state ?? levelState ?? 'not-reported';
}

function messageOf(check: Check | undefined, state: string): string | undefined {
  if (!check) return undefined;
  return describeCheckState(state).isPassing && state !== 'warning'
    ? check.passedMessage
    : check.failedMessage;
}

const isActive = (exemption: Exemption | undefined) =>
  exemption?.status === 'pending' || exemption?.status === 'approved';

function ResultMeta({ result, exemption }: { result?: CheckResult; exemption?: Exemption }) {
  return (
    <Stack spacing={0.5}>
      {result && (
        <Typography variant="caption" color="text.secondary">
          {`Last checked ${new Date(result.lastChecked).toLocaleString()} by ${result.submittedBy}; in this state since ${new Date(result.stateSince).toLocaleString()}`}
        </Typography>
      )}
      {exemption && (
        <Typography variant="caption" color="text.secondary">
          {`Exemption ${exemption.status}: “${exemption.justification}” (asked by ${exemption.userRef}${exemption.expiresAt ? `, until ${exemption.expiresAt}` : ''})`}
        </Typography>
      )}
    </Stack>
  );
}

/** One check of a level: its state, and on expanding the message, fact details and actions. */
export function CheckRow({ entityRef, checkId, levelState, scorecard, access }: CheckRowProps) {
  const [dialog, setDialog] = useState<'exemption' | 'manual' | undefined>();
  const check = scorecard.checks.get(checkId);
  const result = scorecard.results.get(checkId);
  const exemption = scorecard.exemptions.get(checkId);
  const state = displayedState(result, levelState);
  const message = messageOf(check, state);
  const name = check?.name ?? checkId;
  const canAskExemption =
    access?.canRequestExemptions && !describeCheckState(state).isPassing && !isActive(exemption);
  const canSetState = access?.canSetManualState && check?.type === 'manual';
  return (
    <Accordion disableGutters variant="outlined" sx={{ '&:before': { display: 'none' } }}>
      {/* Named by its visible text (state, then name): an aria-label differing from it fails WCAG 2.5.3. */}
      <AccordionSummary expandIcon={<ExpandMore />}>
        <Stack direction="row" spacing={1.5} alignItems="center" sx={{ flexWrap: 'wrap' }}>
          <CheckStateChip state={state} />
          <Typography>{name}</Typography>
          {exemption?.status === 'pending' && <Chip size="small" label="Exemption pending" />}
        </Stack>
      </AccordionSummary>
      <AccordionDetails>
        <Stack spacing={1.5}>
          {check?.description && <Typography variant="body2">{check.description}</Typography>}
          {message && <Markdown>{message}</Markdown>}
          {result && Object.keys(result.details).length > 0 && (
            <CodeBlock title="Details" language="json" code={JSON.stringify(result.details, null, 2)} />
          )}
          <ResultMeta result={result} exemption={exemption} />
          <Stack direction="row" spacing={1}>
            {canAskExemption && <Button onClick={() => setDialog('exemption')}>Request exemption</Button>}
            {canSetState && <Button onClick={() => setDialog('manual')}>Set state</Button>}
            {check?.source.type === 'file' && check.source.location && (
              <DefinitionFileLink location={check.source.location}>Definition in git</DefinitionFileLink>
            )}
          </Stack>
        </Stack>
      </AccordionDetails>
      {dialog === 'exemption' && (
        <ExemptionDialog
          entityRef={entityRef}
          checkId={checkId}
          checkName={name}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'manual' && (
        <ManualStateDialog
          entityRef={entityRef}
          checkId={checkId}
          checkName={name}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Accordion>
  );
}
