/** The template the editor starts with, so an author can press Dry run right away. */
export const sampleTemplate = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: hello-world
  title: Hello world
  description: Renders one skeleton file and logs a greeting.
spec:
  type: service
  parameters:
    - title: About the component
      required: [name]
      properties:
        name:
          title: Name
          type: string
          ui:field: EntityNamePicker
        greeting:
          title: Greeting
          type: string
          default: Hello
  steps:
    - id: fetch
      name: Render skeleton
      action: fetch:template
      input:
        url: ./skeleton
        values:
          name: \${{ parameters.name }}
          greeting: \${{ parameters.greeting }}
    - id: log
      name: Say hello
      action: debug:log
      input:
        message: \${{ parameters.greeting }}, \${{ parameters.name }}!
        listWorkspace: true
  output:
    text:
      - title: Done
        content: Created **\${{ parameters.name }}**.
`;

/** Skeleton files that go with {@link sampleTemplate}. */
export const sampleFiles = [
  {
    path: 'skeleton/README.md',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: `${{ }}` is template syntax, meant literally
    content: '# ${{ values.name }}\n\n${{ values.greeting }} from a template.\n',
  },
];
