import Stack from '@mui/material/Stack';
import { CampaignsSection } from './campaigns-section.js';
import { ChangesSection } from './changes-section.js';
import { HeatmapSection } from './heatmap-section.js';
import { TrendsSection } from './trends-section.js';

/** `/scorecards`: tracks × teams, campaigns with their burn-down, trends and this week's changes. */
export function OverviewPage() {
  return (
    <Stack spacing={3}>
      <HeatmapSection />
      <CampaignsSection />
      <TrendsSection />
      <ChangesSection />
    </Stack>
  );
}
