// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in a posted template is template syntax.
/**
 * What the permission walker needs to call one route: its path parameters, query and
 * body, filled from a subject. The walker calls every route three times as the
 * restricted user — with a hidden subject, a missing one and a visible one — and
 * compares the hidden and missing answers. A route with parameters or a body and no
 * fixture here fails its test with a message naming it: add a fixture, do not skip.
 */

/** The thing a call is about: an entity, its location, a template and a task. */
export interface Subject {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  ref: string;
  locationId: string;
  locationTarget: string;
  templateName: string;
  templateRef: string;
  /** A task another user ran from the subject's template (a task is visible only with its template). */
  taskId: string;
}

/** How to call one route. */
export interface RouteFixture {
  params?(subject: Subject): Record<string, string>;
  query?(subject: Subject): Record<string, string>;
  body?(subject: Subject): unknown;
  headers?: Record<string, string>;
  /**
   * `true`: a hidden subject must get exactly the answer a missing one gets (status and
   * body, the names swapped). A string: why the answers may differ; then only "nothing
   * hidden leaks" is checked.
   */
  sameAsMissing: true | string;
  /** Changes state (deletes, cancels, signs out): runs after the reads, never on the visible subject. */
  changesState?: boolean;
}

const entityParams = (s: Subject) => ({ kind: s.kind, namespace: s.namespace, name: s.name });
const byName = (s: Subject) => ({ 'metadata.name': s.name });

/** Fixtures by `<pluginId>.<operationId>`. */
export const routeFixtures: Record<string, RouteFixture> = {
  'scorecards.collectFacts': {
    body: (s) => ({ collectorIds: ['scm'], entityRefs: [s.ref] }),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.certifyWorld': {
    sameAsMissing: 'not about one entity: it re-evaluates every entity (scorecards.check.edit)',
    changesState: true,
  },
  'catalog.getEntities': { query: (s) => ({ filter: `metadata.name=${s.name}` }), sameAsMissing: true },
  'catalog.getEntitiesByQuery': {
    query: (s) => ({ filter: `metadata.name=${s.name}`, fullTextFilterTerm: s.name }),
    sameAsMissing: true,
  },
  'catalog.queryEntitiesByPredicate': { body: (s) => ({ query: byName(s) }), sameAsMissing: true },
  'catalog.getEntityByUid': { params: (s) => ({ uid: s.uid }), sameAsMissing: true },
  'catalog.deleteEntityByUid': { params: (s) => ({ uid: s.uid }), sameAsMissing: true, changesState: true },
  'catalog.getEntityByName': { params: entityParams, sameAsMissing: true },
  'catalog.getEntityAncestryByName': { params: entityParams, sameAsMissing: true },
  'catalog.getEntitiesByRefs': { body: (s) => ({ entityRefs: [s.ref] }), sameAsMissing: true },
  'catalog.getEntityFacets': {
    query: (s) => ({ facet: 'metadata.name', filter: `metadata.name=${s.name}` }),
    sameAsMissing: true,
  },
  'catalog.queryEntityFacetsByPredicate': {
    body: (s) => ({ facets: ['metadata.name', 'kind'], query: byName(s) }),
    sameAsMissing: true,
  },
  'catalog.refreshEntity': { body: (s) => ({ entityRef: s.ref }), sameAsMissing: true },
  'catalog.validateEntity': {
    body: (s) => ({
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: s.name },
        spec: { type: 'service', lifecycle: 'experimental', owner: 'group:default/team-devex' },
      },
      location: `url:${s.locationTarget}`,
    }),
    sameAsMissing: true,
  },
  'catalog.analyzeLocation': {
    body: (s) => ({ location: { type: 'url', target: s.locationTarget } }),
    sameAsMissing:
      'the file at the target is read from its host, registered or not; its entities are filtered',
  },
  'catalog.createLocation': {
    query: () => ({ dryRun: 'true' }),
    body: (s) => ({ type: 'url', target: s.locationTarget }),
    sameAsMissing: 'a dry run reads the target from its host, registered or not; its entities are filtered',
  },
  'app.getLayoutAccess': {
    sameAsMissing: 'says whether the caller may change the layout, whatever the subject',
  },
  'app.saveLayout': {
    body: (s) => ({ overrides: [{ [`entity-card:${s.name}`]: false }] }),
    sameAsMissing: true,
    changesState: true,
  },
  'app.resetLayout': { sameAsMissing: true, changesState: true },
  'app.importLayout': {
    body: (s) => ({ yaml: `- entity-card:${s.name}: false\n` }),
    sameAsMissing: true,
    changesState: true,
  },
  'audit.listEvents': { query: (s) => ({ target: s.ref }), sameAsMissing: true },
  'audit.getEvent': { params: (s) => ({ id: s.uid }), sameAsMissing: true },
  'audit.getAccess': {
    sameAsMissing: 'says whether the caller may read the audit log, whatever the subject',
  },
  'catalog.getLocations': { sameAsMissing: 'lists every location the caller may see' },
  'catalog.getLocationsByQuery': {
    body: (s) => ({ query: { target: s.locationTarget } }),
    sameAsMissing: true,
  },
  'catalog.getLocation': { params: (s) => ({ id: s.locationId }), sameAsMissing: true },
  'catalog.updateLocation': {
    params: (s) => ({ id: s.locationId }),
    body: (s) => ({ type: 'url', target: s.locationTarget }),
    sameAsMissing: true,
    changesState: true,
  },
  'catalog.deleteLocation': {
    params: (s) => ({ id: s.locationId }),
    sameAsMissing: true,
    changesState: true,
  },
  'catalog.getLocationByEntity': { params: entityParams, sameAsMissing: true },
  'techdocs.getTechDocsMetadata': { params: entityParams, sameAsMissing: true },
  'techdocs.getEntityMetadata': { params: entityParams, sameAsMissing: true },
  'techdocs.syncEntity': { params: entityParams, sameAsMissing: true },
  'techdocs.getStaticFile': {
    params: (s) => ({ ...entityParams(s), '*': 'index.html' }),
    sameAsMissing: true,
  },
  'techdocs.getSite': { params: entityParams, sameAsMissing: true },
  'scaffolder.createTask': { body: (s) => ({ templateRef: s.templateRef, values: {} }), sameAsMissing: true },
  'scaffolder.getTask': { params: (s) => ({ taskId: s.taskId }), sameAsMissing: true },
  'scaffolder.listTaskEvents': { params: (s) => ({ taskId: s.taskId }), sameAsMissing: true },
  // The tasks have finished, so the stream sends their events and closes.
  'scaffolder.streamTaskEvents': { params: (s) => ({ taskId: s.taskId }), sameAsMissing: true },
  'scaffolder.cancelTask': {
    params: (s) => ({ taskId: s.taskId }),
    sameAsMissing: true,
    changesState: true,
  },
  'scaffolder.retryTask': {
    params: (s) => ({ taskId: s.taskId }),
    body: () => ({}),
    sameAsMissing: true,
    changesState: true,
  },
  'scaffolder.getParameterSchema': {
    params: (s) => ({ namespace: 'default', kind: 'template', name: s.templateName }),
    sameAsMissing: true,
  },
  'scaffolder.getTemplateFiles': {
    params: (s) => ({ namespace: 'default', kind: 'template', name: s.templateName }),
    sameAsMissing: true,
  },
  'scaffolder.dryRun': {
    body: (s) => ({
      template: {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name: 'walker-dry-run' },
        spec: {
          owner: 'group:default/team-devex',
          type: 'service',
          steps: [{ id: 'fetch', action: 'catalog:fetch', input: { entityRef: s.ref, optional: true } }],
          output: { entity: '${{ steps.fetch.output.entity }}' },
        },
      },
      values: {},
      directoryContents: [],
    }),
    sameAsMissing: true,
  },
  'scaffolder.autocomplete': {
    params: () => ({ provider: 'catalog', resource: 'entities' }),
    body: (s) => ({ token: '', context: { name: s.name } }),
    sameAsMissing: true,
  },
  'auth.refresh': {
    params: () => ({ provider: 'guest' }),
    headers: { 'x-requested-with': 'XMLHttpRequest' },
    sameAsMissing: 'signs in; not about a subject',
  },
  'auth.refreshPost': {
    params: () => ({ provider: 'guest' }),
    headers: { 'x-requested-with': 'XMLHttpRequest' },
    sameAsMissing: 'signs in; not about a subject',
  },
  // The shipped config has guest only: starting or finishing a redirect sign-in with it is
  // refused (400) for anyone; the OIDC flow itself is attacked in sign-in-sessions.test.ts.
  'auth.start': {
    params: () => ({ provider: 'guest' }),
    sameAsMissing: 'starts a sign-in; not about a subject',
  },
  'auth.handlerFrame': {
    params: () => ({ provider: 'guest' }),
    sameAsMissing: 'finishes a sign-in; not about a subject',
  },
  'auth.logout': { params: () => ({ provider: 'guest' }), sameAsMissing: 'signs out', changesState: true },
  // The policy is no subject's: these answer the restricted user 403 whatever the subject.
  'rbac.getVersion': { params: () => ({ version: '1' }), sameAsMissing: true },
  'rbac.diffVersion': { params: () => ({ version: '1' }), sameAsMissing: true },
  'rbac.restoreVersion': { params: () => ({ version: '1' }), sameAsMissing: true, changesState: true },
  'rbac.updateDraft': { body: () => ({ policy: { roles: [] } }), sameAsMissing: true, changesState: true },
  'rbac.publishDraft': { body: () => ({}), sameAsMissing: true, changesState: true },
  // A hidden entity's read is DENY exactly as a missing one's: the decision reveals nothing more.
  'permission.authorize': {
    body: (s) => ({
      items: [
        {
          id: 'read',
          permission: {
            type: 'resource',
            name: 'catalog.entity.read',
            attributes: { action: 'read' },
            resourceType: 'catalog-entity',
          },
          resourceRef: s.ref,
        },
      ],
    }),
    sameAsMissing: true,
  },
  // The plugin manager is for admins: the restricted user is denied plugins.* (restricted-policy.ts),
  // so each call is refused before it touches a plugin; a plugin id is not an entity.
  'plugins.getPlugin': { params: (s) => ({ pluginId: s.name }), sameAsMissing: true },
  'plugins.install': {
    body: () => ({ source: { type: 'registry', name: 'atrium-walker-plugin', version: '1.0.0' } }),
    sameAsMissing: true,
    changesState: true,
  },
  'plugins.review': { params: (s) => ({ pluginId: s.name, version: '1.0.0' }), sameAsMissing: true },
  'plugins.enable': {
    params: (s) => ({ pluginId: s.name }),
    body: () => ({ version: '1.0.0' }),
    sameAsMissing: true,
    changesState: true,
  },
  'plugins.upgrade': {
    params: (s) => ({ pluginId: s.name }),
    body: () => ({ version: '1.0.0' }),
    sameAsMissing: true,
    changesState: true,
  },
  'plugins.rollback': {
    params: (s) => ({ pluginId: s.name }),
    body: () => ({ version: '1.0.0' }),
    sameAsMissing: true,
    changesState: true,
  },
  'plugins.configure': {
    params: (s) => ({ pluginId: s.name }),
    body: () => ({ config: {} }),
    sameAsMissing: true,
    changesState: true,
  },
  'plugins.disable': { params: (s) => ({ pluginId: s.name }), sameAsMissing: true, changesState: true },
  'plugins.uninstall': { params: (s) => ({ pluginId: s.name }), sameAsMissing: true, changesState: true },
  // Scorecards: definitions come from the shipped example (examples/scorecards/basic-health.yaml);
  // a definition is not an entity, but its owner group shows only to who may read it.
  'scorecards.listChecks': { query: (s) => ({ entityRef: s.ref }), sameAsMissing: true },
  'scorecards.getCheck': { params: () => ({ checkId: 'has-owner' }), sameAsMissing: true },
  'scorecards.createCheck': {
    body: (s) => walkerCheck(s),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.updateCheck': {
    params: (s) => ({ checkId: walkerId(s) }),
    body: (s) => walkerCheck(s),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.deleteCheck': {
    params: (s) => ({ checkId: walkerId(s) }),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.listTracks': { query: (s) => ({ entityRef: s.ref }), sameAsMissing: true },
  'scorecards.getTrack': { params: () => ({ trackId: 'basic-health' }), sameAsMissing: true },
  'scorecards.createTrack': { body: (s) => walkerTrack(s), sameAsMissing: true, changesState: true },
  'scorecards.updateTrack': {
    params: (s) => ({ trackId: walkerId(s) }),
    body: (s) => walkerTrack(s),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.deleteTrack': {
    params: (s) => ({ trackId: walkerId(s) }),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.listCampaigns': { query: (s) => ({ entityRef: s.ref }), sameAsMissing: true },
  'scorecards.getCampaign': { params: () => ({ campaignId: 'docs-for-production' }), sameAsMissing: true },
  'scorecards.createCampaign': {
    body: (s) => walkerCampaign(s),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.updateCampaign': {
    params: (s) => ({ campaignId: walkerId(s) }),
    body: (s) => walkerCampaign(s),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.exportDefinitions': { sameAsMissing: true },
  'scorecards.getResults': { query: (s) => ({ entityRef: s.ref }), sameAsMissing: true },
  'scorecards.submitResults': {
    body: (s) => ({ results: [{ entityRef: s.ref, checkId: 'coverage', state: 'passed' }] }),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.setManualState': {
    body: (s) => ({ entityRef: s.ref, checkId: 'security-review', state: 'passed', reason: 'walker' }),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.getCheckResults': { params: () => ({ checkId: 'has-owner' }), sameAsMissing: true },
  'scorecards.getCheckStatus': { params: () => ({ checkId: 'has-owner' }), sameAsMissing: true },
  'scorecards.executeChecks': {
    query: () => ({ dryRun: 'true' }),
    body: (s) => ({ checkIds: ['has-owner'], entityRefs: [s.ref] }),
    sameAsMissing: true,
  },
  'scorecards.getCertifications': { query: (s) => ({ entityRef: s.ref }), sameAsMissing: true },
  'scorecards.getTrackEntities': { params: () => ({ trackId: 'basic-health' }), sameAsMissing: true },
  'scorecards.gate': { query: (s) => ({ entityRef: s.ref, trackId: 'basic-health' }), sameAsMissing: true },
  'scorecards.submitFacts': {
    body: (s) => ({ facts: [{ factRef: 'ci:default/coverage', entityRef: s.ref, data: { percent: 90 } }] }),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.getFacts': { query: (s) => ({ entityRef: s.ref }), sameAsMissing: true },
  'scorecards.listFactCollectors': { sameAsMissing: true },
  'scorecards.listExemptions': { query: (s) => ({ entityRef: s.ref }), sameAsMissing: true },
  'scorecards.requestExemption': {
    body: (s) => ({ checkId: 'has-description', entityRef: s.ref, justification: 'walker' }),
    sameAsMissing: true,
    changesState: true,
  },
  // A check without an owner group: any approver gets as far as the entity check.
  'scorecards.approveExemption': {
    body: (s) => ({ checkId: 'has-description', entityRef: s.ref }),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.revokeExemption': {
    body: (s) => ({ checkId: 'has-description', entityRef: s.ref, reason: 'walker' }),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.restoreExemption': {
    body: (s) => ({ checkId: 'has-description', entityRef: s.ref }),
    sameAsMissing: true,
    changesState: true,
  },
  'scorecards.getHistory': { query: (s) => ({ entityRef: s.ref }), sameAsMissing: true },
  'scorecards.getChanges': { query: () => ({ since: '2020-01-01T00:00:00Z' }), sameAsMissing: true },
  'scorecards.getTrends': { query: (s) => ({ entityRef: s.ref }), sameAsMissing: true },
  'scorecards.getOverview': { sameAsMissing: true },
  // An example team the restricted user may not read: it answers as a missing group.
  'scorecards.getTeamGrid': { query: () => ({ groupRef: 'group:default/team-devex' }), sameAsMissing: true },
  'scorecards.getCampaignProgress': {
    params: () => ({ campaignId: 'docs-for-production' }),
    sameAsMissing: true,
  },
  'scorecards.getAccess': {
    sameAsMissing: 'says what the caller may do in scorecards, whatever the subject',
  },
};

// A definition the walker creates, edits and deletes, one per subject (names swapped when compared).
const walkerId = (s: Subject) => `walker-${s.name}`;
const walkerCheck = (s: Subject) => ({ id: walkerId(s), name: 'Walker check', type: 'manual' });
const walkerLevels = [{ ordinal: 1, name: 'One', checks: [{ id: 'has-owner' }] }];
const walkerTrack = (s: Subject) => ({ id: walkerId(s), name: 'Walker track', levels: walkerLevels });
const walkerCampaign = (s: Subject) => ({
  ...walkerTrack(s),
  startDate: '2026-01-01',
  targetCompletionDate: '2026-12-31',
});
