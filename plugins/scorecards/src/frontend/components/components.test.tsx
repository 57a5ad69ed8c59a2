// @vitest-environment happy-dom
import { lightTheme } from '@atrium/ui';
import { ThemeProvider } from '@mui/material/styles';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { BurnDownChart } from './burn-down-chart.js';
import { describeCheckState } from './check-state.js';
import { CheckStateChip } from './check-state-chip.js';
import { SourceChip } from './definition-source.js';
import { Heatmap } from './heatmap.js';
import { LevelBadge } from './level-badge.js';
import { LevelGrid } from './level-grid.js';
import { TrendChart } from './trend-chart.js';

afterEach(cleanup);

const show = (element: ReactElement) =>
  render(
    <MemoryRouter>
      <ThemeProvider theme={lightTheme}>{element}</ThemeProvider>
    </MemoryRouter>,
  );
const levels = [
  { ordinal: 1, name: 'Bronze' },
  { ordinal: 2, name: 'Silver' },
  { ordinal: 3, name: 'Gold' },
];

describe('check states', () => {
  it('labels every wire state and counts exempt, warning and not-applicable as passing', () => {
    expect(describeCheckState('not-applicable')).toEqual({
      label: 'Not applicable',
      color: 'default',
      isPassing: true,
    });
    expect(describeCheckState('warning').isPassing).toBe(true);
    expect(describeCheckState('exempt').isPassing).toBe(true);
    expect(describeCheckState('failed').isPassing).toBe(false);
    expect(describeCheckState('error').isPassing).toBe(false);
    expect(describeCheckState('mystery')).toEqual({ label: 'mystery', color: 'default', isPassing: false });
  });

  it('shows the state as text with an icon, not by colour alone', () => {
    show(<CheckStateChip state="failed" />);
    const chip = screen.getByText('Failed').closest('[data-state]');
    expect(chip?.getAttribute('data-state')).toBe('failed');
    expect(chip?.querySelector('svg')).toBeTruthy();
  });
});

describe('LevelBadge', () => {
  it('names the level reached and its position in the track', () => {
    show(<LevelBadge level={{ ordinal: 2, name: 'Silver' }} levels={levels} />);
    expect(screen.getByText('Silver').closest('[title]')?.getAttribute('title')).toBe('Level 2 of 3');
  });

  it('says "Not certified" when no level is reached', () => {
    show(<LevelBadge levels={levels} />);
    expect(screen.getByText('Not certified')).toBeTruthy();
  });
});

describe('Heatmap', () => {
  it('is a table of teams × tracks whose cells carry their value as text and a dash where a track does not apply', () => {
    show(
      <Heatmap
        label="Certification"
        rowHeader="Team"
        rows={[
          { key: 'a', label: 'Team A' },
          { key: 'b', label: 'Team B' },
        ]}
        columns={[
          { key: 'health', label: 'Health' },
          { key: 'security', label: 'Security' },
        ]}
        cell={(row, column) =>
          row === 'b' && column === 'security'
            ? undefined
            : { value: row === 'a' ? 0.9 : 0.2, text: row === 'a' ? '90 %' : '20 %' }
        }
      />,
    );
    const table = screen.getByRole('table', { name: 'Certification' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['TeamHealthSecurity', 'Team A90 %90 %', 'Team B20 %–']);
    expect(
      within(rows[1] as HTMLElement)
        .getAllByText('90 %')[0]
        ?.getAttribute('data-value'),
    ).toBe('0.90');
  });
});

describe('LevelGrid', () => {
  it('links each entity to its Scorecards tab and shows a badge per track that applies', () => {
    show(
      <LevelGrid
        label="Team levels"
        tracks={[{ id: 'health', name: 'Health', levels }]}
        rows={[
          { entityRef: 'component:default/web', levels: { health: levels[2] } },
          { entityRef: 'api:default/orders', levels: { health: null } },
          { entityRef: 'resource:default/db', levels: {} },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Team levels' });
    expect(within(table).getByRole('link', { name: 'component:web' }).getAttribute('href')).toBe(
      '/catalog/default/component/web/scorecards',
    );
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows.slice(1)).toEqual(['component:webGold', 'api:ordersNot certified', 'resource:db–']);
  });
});

describe('charts', () => {
  it('draws one line per trend series with a legend, and says so when there is no history', () => {
    show(
      <TrendChart
        label="Pass rate"
        series={[
          {
            name: 'Health',
            points: [
              { date: '2026-12-01', value: 0.5 },
              { date: '2026-12-03', value: 0.75 },
            ],
          },
          { name: 'Security', points: [{ date: '2026-12-02', value: 0.2 }] },
        ]}
        maxValue={1}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Pass rate' });
    expect(chart.querySelectorAll('path.visx-linepath')).toHaveLength(2);
    expect(screen.getByRole('list', { name: 'Pass rate legend' }).textContent).toBe('HealthSecurity');
    cleanup();
    show(<TrendChart label="Empty" series={[{ name: 'Health', points: [] }]} />);
    expect(screen.getByText('No history yet.')).toBeTruthy();
  });

  it('draws the burn-down: the ideal line from everyone to no one, the actual line, and today', () => {
    show(
      <BurnDownChart
        label="Burn-down"
        startDate="2026-11-01"
        targetDate="2026-12-31"
        total={10}
        remaining={[
          { date: '2026-11-01', value: 10 },
          { date: '2026-11-15', value: 7 },
          { date: '2026-12-01', value: 4 },
        ]}
        now={new Date('2026-12-05T00:00:00Z')}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Burn-down' });
    const lines = chart.querySelectorAll('path.visx-linepath');
    expect(lines).toHaveLength(2);
    expect(lines[0]?.getAttribute('stroke-dasharray')).toBe('4 4');
    // The actual line has one segment per day reported.
    expect(lines[1]?.getAttribute('d')?.match(/L/g)).toHaveLength(2);
    expect(chart.querySelectorAll('line[stroke-dasharray="2 3"]')).toHaveLength(1);
  });
});

describe('SourceChip', () => {
  it('links a definition file on a git host and names a local one without a link', () => {
    show(
      <SourceChip
        source={{ type: 'file', location: 'https://git.example/org/repo/blob/main/tracks.yaml' }}
      />,
    );
    expect(screen.getByRole('link', { name: 'git file' }).getAttribute('href')).toBe(
      'https://git.example/org/repo/blob/main/tracks.yaml',
    );
    cleanup();
    show(<SourceChip source={{ type: 'file', location: 'file:///srv/atrium/tracks.yaml' }} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('file').closest('[title]')?.getAttribute('title')).toBe(
      'file:///srv/atrium/tracks.yaml',
    );
  });
});
