import { EmptyState, ErrorPanel, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { Campaign } from '../../common/index.js';
import { type ScorecardsApi, scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { BurnDownChart } from '../components/burn-down-chart.js';
import { EntityLink } from '../components/entity-link.js';
import { SectionCard } from './section-card.js';

type CampaignProgressData = Awaited<ReturnType<ScorecardsApi['getCampaignProgress']>>;

const percent = (done: number, total: number) => (total === 0 ? 100 : Math.round((done / total) * 100));

function CampaignProgress({ campaign, progress }: { campaign: Campaign; progress: CampaignProgressData }) {
  const done = percent(progress.completedCount, progress.entityCount);
  return (
    <Box component="article" aria-label={`Campaign ${campaign.name}`}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {campaign.name}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {`${campaign.startDate} → ${campaign.targetCompletionDate} · ${progress.completedCount} of ${progress.entityCount} entities done (${done} %)`}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={done}
        aria-label={`${campaign.name} progress`}
        sx={{ my: 1, height: 8, borderRadius: 4 }}
      />
      {campaign.milestones.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          {`Milestones: ${campaign.milestones.map((m) => `${m.name} (${m.targetPercent} % by ${m.date})`).join(' · ')}`}
        </Typography>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mt: 1 }}>
        <Box sx={{ flex: 2, minWidth: 0 }}>
          <BurnDownChart
            label={`${campaign.name} burn-down: entities left to fix each day against the ideal line to ${campaign.targetCompletionDate}`}
            startDate={campaign.startDate}
            targetDate={campaign.targetCompletionDate}
            total={progress.entityCount}
            remaining={progress.burnDown.map((p) => ({ date: p.date, value: p.remaining }))}
          />
        </Box>
        <Box
          component="ul"
          aria-label={`${campaign.name} progress by owner`}
          sx={{ flex: 1, listStyle: 'none', p: 0, m: 0 }}
        >
          {progress.byOwner.map((owner) => (
            <Box component="li" key={owner.ownerRef} sx={{ mb: 1 }}>
              <EntityLink entityRef={owner.ownerRef} />
              <Typography variant="body2" color="text.secondary">
                {`${owner.completedCount}/${owner.entityCount} (${percent(owner.completedCount, owner.entityCount)} %)`}
              </Typography>
            </Box>
          ))}
        </Box>
      </Stack>
    </Box>
  );
}

/** Active campaigns with their progress, per owner, and the burn-down to the target date. */
export function CampaignsSection() {
  const client = useApi(scorecardsApiRef);
  const data = useQuery({
    queryKey: ['scorecards', 'campaigns-progress'],
    queryFn: async () => {
      const { campaigns } = await client.listCampaigns();
      const progress = await Promise.all(
        campaigns.map((c) => client.getCampaignProgress({ params: { campaignId: c.id } })),
      );
      return campaigns.map((campaign, index) => ({
        campaign,
        progress: progress[index] as CampaignProgressData,
      }));
    },
  });
  return (
    <SectionCard title="Campaigns" subheader="Time-boxed pushes towards a standard">
      {data.error && <ErrorPanel error={data.error} onRetry={() => void data.refetch()} />}
      {!data.data && !data.error && <Progress />}
      {data.data?.length === 0 && <EmptyState title="No active campaigns" />}
      <Stack spacing={3}>
        {data.data?.map(({ campaign, progress }) => (
          <CampaignProgress key={campaign.id} campaign={campaign} progress={progress} />
        ))}
      </Stack>
    </SectionCard>
  );
}
