// Well-known annotation keys (catalog contract §6). The location annotations are set by
// the catalog and merged under the entity's own values.

/** Location ref (`<type>:<target>`) of the file the entity was read from. */
export const ANNOTATION_MANAGED_BY_LOCATION = 'backstage.io/managed-by-location';
/** Location ref of the registered root location that led to the entity. */
export const ANNOTATION_MANAGED_BY_ORIGIN_LOCATION = 'backstage.io/managed-by-origin-location';
/** Location ref (`url:` + a directory URL ending in `/`) of the entity's source tree. */
export const ANNOTATION_SOURCE_LOCATION = 'backstage.io/source-location';
/** Browser URL to view the entity's descriptor. */
export const ANNOTATION_VIEW_URL = 'backstage.io/view-url';
/** Browser URL to edit the entity's descriptor. */
export const ANNOTATION_EDIT_URL = 'backstage.io/edit-url';
/** `"true"` when nothing references the entity any more. */
export const ANNOTATION_ORPHAN = 'backstage.io/orphan';
/** Where the entity's docs source lives: `dir:.` or `url:<repo url>`. */
export const ANNOTATION_TECHDOCS_REF = 'backstage.io/techdocs-ref';
/** Ref of another entity whose docs are shown instead of this one's. */
export const ANNOTATION_TECHDOCS_ENTITY = 'backstage.io/techdocs-entity';
/** Ref of the Template that created the entity (written by `catalog:write`). */
export const ANNOTATION_SOURCE_TEMPLATE = 'backstage.io/source-template';
/** Id that ties the entity to its Kubernetes objects. */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
/** `owner/repo` of the entity's GitHub repository. */
export const ANNOTATION_GITHUB_PROJECT_SLUG = 'github.com/project-slug';
