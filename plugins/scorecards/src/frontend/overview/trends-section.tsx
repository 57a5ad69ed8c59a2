import { ErrorPanel, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';
import { TrendChart } from '../components/trend-chart.js';
import { passRate } from './pass-rate.js';
import { SectionCard } from './section-card.js';

/** Per track, the share of passing check results each day over the last 30 days. */
export function TrendsSection() {
  const client = useApi(scorecardsApiRef);
  const data = useQuery({
    queryKey: ['scorecards', 'trends'],
    queryFn: async () => {
      const { tracks } = await client.listTracks();
      const trends = await Promise.all(
        tracks.map((t) => client.getTrends({ query: { trackId: t.id, numberOfDays: 30 } })),
      );
      return tracks.map((track, index) => ({
        name: track.name,
        points: (trends[index]?.days ?? []).map((d) => ({ date: d.date, value: passRate(d.counts) })),
      }));
    },
  });
  return (
    <SectionCard title="Trends" subheader="Share of passing checks per track, last 30 days">
      {data.error && <ErrorPanel error={data.error} onRetry={() => void data.refetch()} />}
      {!data.data && !data.error && <Progress />}
      {data.data && (
        <TrendChart
          label="Share of passing checks per track over the last 30 days"
          series={data.data}
          maxValue={1}
          formatValue={(v) => `${Math.round(v * 100)} %`}
        />
      )}
    </SectionCard>
  );
}
