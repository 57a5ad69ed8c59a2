import { Page } from '@atrium/ui';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { ReactNode } from 'react';
import { Route, Link as RouterLink, Routes, useLocation, useParams } from 'react-router';
import { useScorecardsAccess } from './api/use-scorecards-access.js';
import { CheckEditorPage } from './checks/check-editor-page.js';
import { ChecksPage } from './checks/checks-page.js';
import { ExemptionQueue } from './exemptions/exemption-queue.js';
import { OverviewPage } from './overview/overview-page.js';
import { TeamGrid } from './team/team-grid.js';
import { definitionKinds } from './tracks/definition-api.js';
import type { DefinitionKind } from './tracks/track-draft.js';
import { TrackEditorPage } from './tracks/track-editor-page.js';
import { TracksPage } from './tracks/tracks-page.js';

const BASE = '/scorecards';

function SectionTabs() {
  const { pathname } = useLocation();
  const access = useScorecardsAccess();
  const section =
    ['checks', 'tracks', 'campaigns', 'exemptions'].find((s) => pathname.startsWith(`${BASE}/${s}`)) ??
    'overview';
  // The Exemptions tab appears once access is known; until then no tab is selected.
  const selected = section === 'exemptions' && !access.data?.canApproveExemptions ? false : section;
  return (
    <Tabs value={selected} sx={{ mb: 2 }} aria-label="Scorecards sections">
      <Tab value="overview" label="Overview" component={RouterLink} to={BASE} />
      <Tab value="checks" label="Checks" component={RouterLink} to={`${BASE}/checks`} />
      <Tab value="tracks" label="Tracks" component={RouterLink} to={`${BASE}/tracks`} />
      <Tab value="campaigns" label="Campaigns" component={RouterLink} to={`${BASE}/campaigns`} />
      {access.data?.canApproveExemptions && (
        <Tab value="exemptions" label="Exemptions" component={RouterLink} to={`${BASE}/exemptions`} />
      )}
    </Tabs>
  );
}

function Section({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <Page title={title} subtitle={subtitle}>
      <SectionTabs />
      {children}
    </Page>
  );
}

function TeamRoute() {
  const { namespace = 'default', name = '' } = useParams();
  const groupRef = `group:${namespace}/${name}`;
  return (
    <Page
      title={name}
      overline="Scorecards · Team"
      subtitle="Every entity the team owns, directly or through its sub-teams"
    >
      <TeamGrid groupRef={groupRef} />
    </Page>
  );
}

const definitionSubtitles: Record<DefinitionKind, string> = {
  track: 'Ordered levels of checks; UI tracks are edited here, git tracks in their file',
  campaign: 'Tracks with a start, a target date and milestones, for a push across teams',
};

function DefinitionRoutes({ kind }: { kind: DefinitionKind }) {
  return (
    <Routes>
      <Route
        index
        element={
          <Section title={definitionKinds[kind].plural} subtitle={definitionSubtitles[kind]}>
            <TracksPage kind={kind} />
          </Section>
        }
      />
      <Route path="new" element={<TrackEditorPage kind={kind} />} />
      <Route path=":id" element={<TrackEditorPage kind={kind} />} />
    </Routes>
  );
}

/**
 * `/scorecards` (overview), `/scorecards/teams/:namespace/:name` (a team's grid),
 * `/scorecards/checks[/new|/:checkId]` (the check editor), `/scorecards/tracks[/new|/:id]` and
 * `/scorecards/campaigns[/new|/:id]` (the level editors), `/scorecards/exemptions` (the queue).
 */
export function ScorecardsRouter() {
  return (
    <Routes>
      <Route
        index
        element={
          <Section
            title="Scorecards"
            subtitle="How the software each team owns meets the organisation's standards"
          >
            <OverviewPage />
          </Section>
        }
      />
      <Route path="teams/:namespace/:name" element={<TeamRoute />} />
      <Route
        path="checks"
        element={
          <Section
            title="Checks"
            subtitle="The rules tracks are made of; UI checks are edited here, git checks in their file"
          >
            <ChecksPage />
          </Section>
        }
      />
      <Route path="checks/new" element={<CheckEditorPage />} />
      <Route path="checks/:checkId" element={<CheckEditorPage />} />
      <Route path="tracks/*" element={<DefinitionRoutes kind="track" />} />
      <Route path="campaigns/*" element={<DefinitionRoutes kind="campaign" />} />
      <Route
        path="exemptions"
        element={
          <Section
            title="Exemptions"
            subtitle="Requests to exempt an entity from a check, for the check's owners to decide"
          >
            <ExemptionQueue />
          </Section>
        }
      />
    </Routes>
  );
}
