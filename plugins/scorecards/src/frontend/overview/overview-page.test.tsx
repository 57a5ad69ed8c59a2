// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../backend/__fixtures__/scorecards-backend.js';
import { chooseSelect } from '../__fixtures__/pick-option.js';
import { type ScorecardsUi, startScorecardsUi } from '../__fixtures__/scorecards-ui.js';

let ui: ScorecardsUi;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ui = await startScorecardsUi();
  // A campaign that started ten days ago: a README in every component (only shop has one).
  await ui.scorecards.createCampaign({
    body: {
      id: 'readme-push',
      name: 'A README everywhere',
      filter: { kind: 'component' },
      startDate: day(-10),
      targetCompletionDate: day(20),
      milestones: [{ name: 'Half', date: day(5), targetPercent: 50 }],
      levels: [{ ordinal: 1, name: 'Documented', checks: [{ id: 'has-readme' }] }],
    },
  });
  await eventually(async () => {
    const progress = await ui.scorecards.getCampaignProgress({ params: { campaignId: 'readme-push' } });
    return progress.entityCount === 4 && progress.completedCount === 1 ? true : undefined;
  }, 'the campaign progress');
}, 120_000);
afterAll(() => ui?.stop());
afterEach(cleanup);

const cellOf = (table: HTMLElement, row: string) =>
  (within(table).getByRole('rowheader', { name: row }).closest('tr') as HTMLElement).querySelectorAll(
    'td',
  )[0];

describe('the scorecards overview against the real backend', () => {
  it('draws the tracks × teams heatmap from the evaluated levels, by any level and by the top level', async () => {
    ui.renderPage('/scorecards');
    const heatmap = await screen.findByRole(
      'table',
      { name: 'Certification by track and team' },
      { timeout: 15_000 },
    );
    // team-a: shop (Silver) and legacy (Bronze) of three; team-b: billing (Bronze).
    expect(cellOf(heatmap, 'team-a')?.textContent).toBe('67 %');
    expect(cellOf(heatmap, 'team-b')?.textContent).toBe('100 %');
    fireEvent.click(screen.getByRole('button', { name: 'Top level' }));
    expect(cellOf(heatmap, 'team-a')?.textContent).toBe('0 %');
  });

  it('shows the campaign progress by owner and its burn-down towards the target date', async () => {
    ui.renderPage('/scorecards');
    const campaign = await screen.findByRole(
      'article',
      { name: 'Campaign A README everywhere' },
      { timeout: 15_000 },
    );
    expect(campaign.textContent).toContain('1 of 4 entities done (25 %)');
    expect(campaign.textContent).toContain(`Half (50 % by ${day(5)})`);
    const owners = within(campaign).getByRole('list', { name: 'A README everywhere progress by owner' });
    expect(owners.textContent).toContain('1/3 (33 %)');
    expect(owners.textContent).toContain('0/1 (0 %)');
    const chart = within(campaign).getByRole('img', { name: /A README everywhere burn-down/ });
    // Besides the two-point ideal line, the actual line has a point per day since the start.
    const segments = [...chart.querySelectorAll('path')].map(
      (p) => (p.getAttribute('d') ?? '').split('L').length - 1,
    );
    expect(Math.max(...segments)).toBeGreaterThanOrEqual(10);
  });

  it('draws the trend of passing checks per track from the stored history', async () => {
    ui.renderPage('/scorecards');
    const trends = await screen.findByRole('region', { name: 'Trends' }, { timeout: 15_000 });
    const chart = await within(trends).findByRole(
      'img',
      { name: 'Share of passing checks per track over the last 30 days' },
      { timeout: 15_000 },
    );
    expect(chart.querySelectorAll('path').length).toBeGreaterThan(0);
    const legend = within(trends).getByRole('list', { name: /legend/ });
    expect(within(legend).getByText('Basic health')).toBeTruthy();
  });
});

describe('the team grid against the real backend', () => {
  it("shows every entity the team owns through its sub-teams, with each one's level, and filters them", async () => {
    ui.renderPage('/scorecards/teams/default/team-a');
    const grid = await screen.findByRole(
      'table',
      { name: 'Levels of the entities group:default/team-a owns' },
      { timeout: 15_000 },
    );
    expect(screen.getByText('4 of 4 entities, owned by team-a, team-b')).toBeTruthy();
    const levelOf = (name: string) =>
      (
        within(grid)
          .getByRole('link', { name: `component:${name}` })
          .closest('tr') as HTMLElement
      ).textContent;
    expect(levelOf('shop')).toContain('Silver');
    expect(levelOf('legacy')).toContain('Bronze');
    expect(levelOf('billing')).toContain('Bronze');
    expect(levelOf('lab')).toContain('Not certified');

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'leg' } });
    expect(await screen.findByText('1 of 4 entities, owned by team-a, team-b')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '' } });
    await chooseSelect(screen.getByRole('combobox', { name: 'Level' }), 'Not certified');
    expect(await screen.findByText('1 of 4 entities, owned by team-a, team-b')).toBeTruthy();
    expect(within(grid).getByRole('link', { name: 'component:lab' })).toBeTruthy();
  });

  it('lists changes of state of the week and only counts first results, which are not changes', async () => {
    ui.renderPage('/scorecards');
    const section = await screen.findByRole(
      'region',
      { name: 'What changed this week' },
      { timeout: 15_000 },
    );
    // The first evaluation gave every component its first results; none changed state since.
    await within(section).findByText(/\d+ first results/);
    expect(within(section).getByText('Nothing changed in the last seven days')).toBeTruthy();
    expect(within(section).queryByRole('table')).toBeNull();
  });
});
