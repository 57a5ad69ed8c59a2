// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../backend/__fixtures__/scorecards-backend.js';
import { type ScorecardsUi, startScorecardsUi } from '../__fixtures__/scorecards-ui.js';
import { EntityScorecardsTab } from './entity-scorecards-tab.js';

let ui: ScorecardsUi;
beforeAll(async () => {
  ui = await startScorecardsUi();
}, 120_000);
afterAll(() => ui?.stop());
afterEach(cleanup);

const exemptionOf = async (entityRef: string, checkId: string) =>
  (await ui.scorecards.listExemptions({ query: { entityRef, limit: 100 } })).exemptions.find(
    (e) => e.checkId === checkId,
  );

describe('the entity Scorecards tab against the real backend', () => {
  it('shows the track, the level reached, each level and check state, and the check message', async () => {
    await ui.renderEntityTab('component:default/shop', <EntityScorecardsTab />);
    const track = await screen.findByRole('region', { name: 'Track Basic health' }, { timeout: 15_000 });
    expect(within(track).getByTitle('Level 2 of 3').textContent).toContain('Silver');
    const bronze = within(track).getByRole('region', { name: 'Level Bronze' });
    expect(bronze.textContent).toContain('· reached');
    const gold = within(track).getByRole('region', { name: 'Level Gold' });
    expect(gold.textContent).toContain('· not reached');
    // No coverage was pushed: the check has no result yet.
    expect(within(gold).getByRole('button', { name: /Coverage at least 80$/ })).toBeTruthy();
    const owner = within(bronze).getByRole('button', { name: 'Passed Has an owner' });
    fireEvent.click(owner);
    expect(await within(bronze).findByText('Owned.', {}, { timeout: 10_000 })).toBeTruthy();
    // When and by whom it was last checked.
    expect(within(bronze).getAllByText(/last checked/i).length).toBeGreaterThan(0);
  });

  it('shows a failing check with its state and lets the user request an exemption', async () => {
    await ui.renderEntityTab('component:default/legacy', <EntityScorecardsTab />);
    const silver = await screen.findByRole('region', { name: 'Level Silver' }, { timeout: 15_000 });
    expect(within(silver).getByText('· not reached')).toBeTruthy();
    fireEvent.click(within(silver).getByRole('button', { name: 'Failed Runs Node 20 or later' }));
    fireEvent.click(await within(silver).findByRole('button', { name: 'Request exemption' }));
    const dialog = await screen.findByRole('dialog', {
      name: /Request an exemption from “Runs Node 20 or later”/,
    });
    const request = within(dialog).getByRole('button', { name: 'Request' });
    expect((request as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/Justification/), {
      target: { value: 'Retired next quarter; moving it is not worth it.' },
    });
    fireEvent.click(request);
    expect(await within(silver).findByText('Exemption pending', {}, { timeout: 10_000 })).toBeTruthy();
    const stored = await exemptionOf('component:default/legacy', 'node-20');
    expect(stored).toMatchObject({
      status: 'pending',
      justification: 'Retired next quarter; moving it is not worth it.',
    });
  });
});

describe('the exemption queue against the real backend', () => {
  it('approves a pending request, then revokes it with a reason', async () => {
    const key = { entityRef: 'component:default/lab', checkId: 'production' };
    if (!(await exemptionOf(key.entityRef, key.checkId)))
      await ui.scorecards.requestExemption({ body: { ...key, justification: 'A lab, never production.' } });
    ui.renderPage('/scorecards/exemptions');
    const approve = await screen.findByRole(
      'button',
      { name: 'Approve production for component:default/lab' },
      { timeout: 15_000 },
    );
    fireEvent.click(approve);
    await eventually(
      async () => ((await exemptionOf(key.entityRef, key.checkId))?.status === 'approved' ? true : undefined),
      'the approval',
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Approved' }));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Revoke production for component:default/lab' }),
    );
    const dialog = await screen.findByRole('dialog', { name: /Revoke the exemption/ });
    fireEvent.change(within(dialog).getByLabelText(/Reason/), {
      target: { value: 'It went to production.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await eventually(
      async () => ((await exemptionOf(key.entityRef, key.checkId))?.status === 'revoked' ? true : undefined),
      'the revocation',
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Revoked' }));
    const revoked = await screen.findByRole('table', { name: 'Revoked exemptions' });
    expect(within(revoked).getByText(/Revoked: It went to production\./)).toBeTruthy();
    expect(
      within(revoked).getByRole('button', { name: 'Restore production for component:default/lab' }),
    ).toBeTruthy();
  });
});
