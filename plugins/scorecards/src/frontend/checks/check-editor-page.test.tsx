// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chooseSelect, pickOption } from '../__fixtures__/pick-option.js';
import { type ScorecardsUi, startScorecardsUi } from '../__fixtures__/scorecards-ui.js';

let ui: ScorecardsUi;
beforeAll(async () => {
  ui = await startScorecardsUi();
}, 120_000);
afterAll(() => ui?.stop());
afterEach(cleanup);

const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

/** The dry-run table's state per entity, once it shows every given entity with `expected` states. */
async function dryRunStates(expected: Record<string, string>) {
  const preview = screen.getByRole('region', { name: 'Dry-run preview' });
  const rowText = (name: string) =>
    within(preview)
      .queryByRole('link', { name: `component:${name}` })
      ?.closest('tr')?.textContent;
  for (const [name, state] of Object.entries(expected)) {
    await screen.findByText(
      (_, element) =>
        element?.tagName === 'TR' &&
        rowText(name) === element.textContent &&
        element.textContent.includes(state),
      {},
      { timeout: 15_000 },
    );
  }
}

describe('the no-code check editor against the real backend', () => {
  it('dry-runs a draft against chosen real entities as it is edited, saving nothing', async () => {
    ui.renderPage('/scorecards/checks/new');
    const form = await screen.findByRole('form', { name: 'Check' }, { timeout: 15_000 });
    type(within(form).getByLabelText(/^Id/), 'is-production');
    type(within(form).getByLabelText(/^Name/), 'Runs in production');
    const picker = screen.getByLabelText('Entities to try');
    await pickOption(picker, 'shop', 'component:default/shop');
    await pickOption(picker, 'lab', 'component:default/lab');
    // The starting rule: spec.owner exists, true for both.
    await dryRunStates({ shop: 'Passed', lab: 'Passed' });

    type(within(form).getByLabelText('Path'), '$.spec.lifecycle');
    await chooseSelect(within(form).getByRole('combobox', { name: 'Operator' }), 'equal');
    type(within(form).getByLabelText('Value'), 'production');
    await dryRunStates({ shop: 'Passed', lab: 'Failed' });

    const { checks } = await ui.scorecards.listChecks();
    expect(checks.map((c) => c.id)).not.toContain('is-production');
  });

  it('shows why the server cannot evaluate an invalid draft', async () => {
    ui.renderPage('/scorecards/checks/new');
    const form = await screen.findByRole('form', { name: 'Check' }, { timeout: 15_000 });
    type(within(form).getByLabelText(/^Id/), 'broken');
    type(within(form).getByLabelText(/^Name/), 'Broken');
    await pickOption(screen.getByLabelText('Entities to try'), 'shop', 'component:default/shop');
    type(within(form).getByLabelText('Path'), '$[');
    expect(await screen.findByText('The draft cannot be evaluated', {}, { timeout: 15_000 })).toBeTruthy();
  });
});
