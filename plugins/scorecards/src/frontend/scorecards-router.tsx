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

const BASE = '/scorecards';

function SectionTabs() {
  const { pathname } = useLocation();
  const access = useScorecardsAccess();
  const section = pathname.startsWith(`${BASE}/checks`)
    ? 'checks'
    : pathname.startsWith(`${BASE}/exemptions`)
      ? 'exemptions'
      : 'overview';
  return (
    <Tabs value={section} sx={{ mb: 2 }} aria-label="Scorecards sections">
      <Tab value="overview" label="Overview" component={RouterLink} to={BASE} />
      <Tab value="checks" label="Checks" component={RouterLink} to={`${BASE}/checks`} />
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

/**
 * `/scorecards` (overview), `/scorecards/teams/:namespace/:name` (a team's grid),
 * `/scorecards/checks[/new|/:checkId]` (the check editor), `/scorecards/exemptions` (the queue).
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
