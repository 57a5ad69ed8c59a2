// The `output` of a template run as the task page shows it (Backstage's convention for
// `spec.output`: `links` and `text`); templates may add other keys.

/** A link of a template's output: a URL or an entity ref. */
export interface OutputLink {
  title?: string;
  icon?: string;
  url?: string;
  entityRef?: string;
}

/** A markdown text of a template's output. */
interface OutputText {
  title?: string;
  icon?: string;
  content?: string;
}

/** The rendered output of a run, from the `completion` event. */
export interface TaskOutput {
  links?: OutputLink[];
  text?: OutputText[];
  [key: string]: unknown;
}
