// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../backend/__fixtures__/scorecards-backend.js';
import { pickOption } from '../__fixtures__/pick-option.js';
import { type ScorecardsUi, startScorecardsUi } from '../__fixtures__/scorecards-ui.js';

let ui: ScorecardsUi;
beforeAll(async () => {
  ui = await startScorecardsUi();
}, 120_000);
afterAll(() => ui?.stop());
afterEach(cleanup);

const field = (scope: HTMLElement, label: string | RegExp) =>
  within(scope).getByLabelText(label) as HTMLInputElement;
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

async function fillLevel(ordinal: number, name: string, check: string) {
  const level = screen.getByRole('group', { name: `Level ${ordinal}` });
  type(field(level, /Level name/), name);
  await pickOption(field(level, `Checks of ${name}`), check.slice(0, 6), check);
}

describe('the track editor against the real backend', () => {
  it('lists a git-sourced track read-only, names its file and exports it as YAML', async () => {
    ui.renderPage('/scorecards/tracks');
    const table = await screen.findByRole('table', { name: 'Tracks' }, { timeout: 15_000 });
    const row = within(table).getByRole('link', { name: 'Basic health' }).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Bronze → Silver → Gold');
    // A local file is named, not linked: the browser may not open file: URLs from the portal.
    expect(within(row).getByText('file').closest('[title]')?.getAttribute('title')).toContain(
      'definitions.yaml',
    );
    fireEvent.click(within(table).getByRole('link', { name: 'Basic health' }));
    const notice = await screen.findByText(/defined in a file in git/);
    expect(notice.closest('[role="alert"]')?.querySelector('code')?.textContent).toMatch(
      /\/scorecards\/definitions\.yaml$/,
    );
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(field(screen.getByRole('form', { name: 'Track' }), /^Name/).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Export YAML' }));
    const dialog = await screen.findByRole('dialog', { name: 'basic-health as YAML' });
    await within(dialog).findByText(/id: basic-health/, {}, { timeout: 10_000 });
  });

  it('creates a UI track with ordered levels, reorders them, then edits it', async () => {
    ui.renderPage('/scorecards/tracks/new');
    const form = await screen.findByRole('form', { name: 'Track' }, { timeout: 15_000 });
    type(field(form, /^Id/), 'readiness');
    type(field(form, /^Name/), 'Readiness');
    await fillLevel(1, 'Basics', 'Has an owner');
    fireEvent.click(screen.getByRole('button', { name: 'Add level' }));
    await fillLevel(2, 'Docs', 'Has a README');
    fireEvent.click(screen.getByRole('button', { name: 'Move Docs up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Save' }, { timeout: 10_000 });
    const created = await ui.scorecards.getTrack({ params: { trackId: 'readiness' } });
    expect(created.source.type).toBe('ui');
    expect(created.levels.map((l) => [l.ordinal, l.name, l.checks.map((c) => c.id)])).toEqual([
      [1, 'Docs', ['has-readme']],
      [2, 'Basics', ['has-owner']],
    ]);

    type(field(screen.getByRole('form', { name: 'Track' }), /^Name/), 'Service readiness');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await eventually(
      async () =>
        (await ui.scorecards.getTrack({ params: { trackId: 'readiness' } })).name === 'Service readiness'
          ? true
          : undefined,
      'the saved name',
    );
  });

  it('shows the server refusal when a level has no checks', async () => {
    ui.renderPage('/scorecards/tracks/new');
    const form = await screen.findByRole('form', { name: 'Track' }, { timeout: 15_000 });
    type(field(form, /^Id/), 'empty-levels');
    type(field(form, /^Name/), 'Empty');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Not saved')).toBeTruthy();
    await expect(ui.scorecards.getTrack({ params: { trackId: 'empty-levels' } })).rejects.toThrow();
  });
});

describe('the campaign editor against the real backend', () => {
  it('creates a campaign with dates, a milestone, a filter and a level', async () => {
    ui.renderPage('/scorecards/campaigns/new');
    const form = await screen.findByRole('form', { name: 'Campaign' }, { timeout: 15_000 });
    type(field(form, /^Id/), 'readme-push');
    type(field(form, /^Name/), 'A README everywhere');
    type(field(form, /Start date/), '2026-11-01');
    type(field(form, /Target completion date/), '2027-01-31');
    fireEvent.click(within(form).getByRole('button', { name: 'Add milestone' }));
    const milestone = within(form).getByRole('group', { name: 'Milestone Milestone 1' });
    type(field(milestone, 'Milestone'), 'Half');
    type(field(screen.getByRole('group', { name: 'Milestone Half' }), /By/), '2026-12-15');
    const filter = within(form).getByRole('group', { name: 'Applies to (catalog filter)' });
    fireEvent.click(within(filter).getByRole('button', { name: 'Add field' }));
    type(field(filter, 'Values'), 'component');
    await fillLevel(1, 'Documented', 'Has a README');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Save' }, { timeout: 10_000 });
    const created = await ui.scorecards.getCampaign({ params: { campaignId: 'readme-push' } });
    expect(created).toMatchObject({
      name: 'A README everywhere',
      startDate: '2026-11-01',
      targetCompletionDate: '2027-01-31',
      milestones: [{ name: 'Half', date: '2026-12-15', targetPercent: 50 }],
      filter: { kind: 'component' },
      levels: [{ ordinal: 1, name: 'Documented', checks: [{ id: 'has-readme' }] }],
      source: { type: 'ui' },
    });
  });
});
