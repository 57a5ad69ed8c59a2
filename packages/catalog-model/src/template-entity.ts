import type { Entity } from './entity.js';

/** One step of a template: an action run with rendered input. */
export type TemplateStep = {
  /** Defaults to `step-<1-based index>`. */
  id?: string;
  /** Display name; defaults to the action id. */
  name?: string;
  /** Action id, e.g. `fetch:template`. */
  action: string;
  /** Action input; strings are templated with `${{ }}`. */
  input?: Record<string, unknown>;
  /** Skip the step when this renders falsy. */
  if?: string | boolean;
  /** Run the step once per item of this array or object. */
  each?: string | unknown[] | Record<string, unknown>;
  'backstage:permissions'?: { tags?: string[] };
  [key: string]: unknown;
};

/** One form page: a JSON Schema object with rjsf `ui:*` hints inline. */
export type TemplateParameterPage = Record<string, unknown>;

/** A link shown after a run: a URL or an entity ref. */
export type TemplateOutputLink = {
  url?: string;
  entityRef?: string;
  title?: string;
  icon?: string;
  if?: string | boolean;
};

/** Markdown text shown after a run. */
export type TemplateOutputText = { title?: string; icon?: string; content?: string; if?: string | boolean };

/** What a template shows after a run: links, texts and any other named strings. */
export type TemplateOutput = {
  links?: TemplateOutputLink[];
  text?: TemplateOutputText[];
  [key: string]: unknown;
};

/** A software template run by the scaffolder (`scaffolder.backstage.io/v1beta3`). */
export type TemplateEntity = Entity & {
  apiVersion: 'scaffolder.backstage.io/v1beta3';
  kind: 'Template';
  spec: {
    type: string;
    /** Default kind Group; gives `ownedBy`/`ownerOf` relations. */
    owner?: string;
    lifecycle?: string;
    parameters?: TemplateParameterPage | TemplateParameterPage[];
    steps: TemplateStep[];
    output?: TemplateOutput;
    secrets?: { schema?: Record<string, unknown> };
    presentation?: {
      buttonLabels?: { backButtonText?: string; createButtonText?: string; reviewButtonText?: string };
    };
    formDecorators?: Array<{ id: string; input?: Record<string, unknown> }>;
    EXPERIMENTAL_recovery?: { EXPERIMENTAL_strategy?: 'none' | 'startOver' };
  };
};

/** True for a Template entity (kind compared case-insensitively). */
export function isTemplateEntity(entity: Entity): entity is TemplateEntity {
  return entity.kind.toLowerCase() === 'template';
}
