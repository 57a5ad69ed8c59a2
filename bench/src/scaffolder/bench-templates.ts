// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
// The templates the scaffolder benchmark runs (served by the bench catalog).
const template = (name: string, steps: unknown[], annotations: Record<string, string> = {}) => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', steps },
});

const values = { name: '${{ parameters.name }}', owner: 'team-a', withTests: true };

/** The benchmark's templates; `skeletons` holds `large/` (1,000 files) and `small/` (20 files). */
export function benchTemplates(skeletons: string) {
  const location = { 'backstage.io/managed-by-location': `file:${skeletons}/template.yaml` };
  return [
    template('bench-log', [
      { id: 'log', action: 'debug:log', input: { message: 'hello ${{ parameters.name }}' } },
    ]),
    template(
      'bench-skeleton',
      [{ id: 'fetch', action: 'fetch:template', input: { url: './large', values } }],
      location,
    ),
    template(
      'bench-small',
      [
        { id: 'fetch', action: 'fetch:template', input: { url: './small', values } },
        {
          id: 'write',
          action: 'catalog:write',
          input: { entity: { kind: 'Component', metadata: { name: '${{ parameters.name }}' } } },
        },
        { id: 'list', action: 'fs:readdir', input: { paths: ['.'], recursive: true } },
      ],
      location,
    ),
  ];
}
