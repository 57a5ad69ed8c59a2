import type { Entity } from './entity.js';

/** An apiVersion accepted by the core kinds. */
export type CoreApiVersion = 'backstage.io/v1alpha1' | 'backstage.io/v1beta1';

/** Display information of a Group or User. */
export type EntityProfile = {
  displayName?: string;
  email?: string;
  picture?: string;
};

/** A piece of software: service, website, library... Refs in spec are entity refs. */
export type ComponentEntity = Entity & {
  apiVersion: CoreApiVersion;
  kind: 'Component';
  spec: {
    type: string;
    lifecycle: string;
    /** Default kind Group. */
    owner: string;
    /** Default kind System. */
    system?: string;
    /** Default kind Component. */
    subcomponentOf?: string;
    /** Default kind API. */
    providesApis?: string[];
    /** Default kind API. */
    consumesApis?: string[];
    /** No default kind: each ref names its kind. */
    dependsOn?: string[];
    /** No default kind: each ref names its kind. */
    dependencyOf?: string[];
  };
};

/** A transport endpoint of an `mcp-server` API. */
export type ApiRemote = { type: string; url: string };

/** An interface components provide or consume (OpenAPI, AsyncAPI, GraphQL, gRPC, MCP...). */
export type ApiEntity = Entity & {
  apiVersion: CoreApiVersion;
  kind: 'API';
  spec: {
    type: string;
    lifecycle: string;
    owner: string;
    system?: string;
    /** The definition text; required unless `type` is `mcp-server`. */
    definition?: string;
    /** Transports of an `mcp-server` API; required for that type. */
    remotes?: ApiRemote[];
  };
};

/** Infrastructure a component needs at runtime, such as a database. */
export type ResourceEntity = Entity & {
  apiVersion: CoreApiVersion;
  kind: 'Resource';
  spec: {
    type: string;
    owner: string;
    system?: string;
    dependsOn?: string[];
    dependencyOf?: string[];
  };
};

/** A collection of components, APIs and resources. */
export type SystemEntity = Entity & {
  apiVersion: CoreApiVersion;
  kind: 'System';
  spec: { owner: string; domain?: string; type?: string };
};

/** A business area grouping systems. */
export type DomainEntity = Entity & {
  apiVersion: CoreApiVersion;
  kind: 'Domain';
  spec: { owner: string; subdomainOf?: string; type?: string };
};

/** A team or other organisational unit. */
export type GroupEntity = Entity & {
  apiVersion: CoreApiVersion;
  kind: 'Group';
  spec: {
    type: string;
    profile?: EntityProfile;
    parent?: string;
    /** May be empty, but must be present. */
    children: string[];
    members?: string[];
  };
};

/** A person. */
export type UserEntity = Entity & {
  apiVersion: CoreApiVersion;
  kind: 'User';
  spec: {
    profile?: EntityProfile;
    /** May be empty, but must be present. */
    memberOf: string[];
  };
};

/** A pointer to more catalog data. */
export type LocationEntity = Entity & {
  apiVersion: CoreApiVersion;
  kind: 'Location';
  spec: {
    /** Defaults to the type of the location that contained this entity. */
    type?: string;
    target?: string;
    targets?: string[];
    /** `required` (default) or `optional`: whether a missing target is an error. */
    presence?: 'required' | 'optional';
  };
};

function hasKind(entity: Entity, kind: string): boolean {
  return entity.kind.toLowerCase() === kind;
}

/** True for a Component entity (kind compared case-insensitively). */
export function isComponentEntity(entity: Entity): entity is ComponentEntity {
  return hasKind(entity, 'component');
}
/** True for an API entity. */
export function isApiEntity(entity: Entity): entity is ApiEntity {
  return hasKind(entity, 'api');
}
/** True for a Resource entity. */
export function isResourceEntity(entity: Entity): entity is ResourceEntity {
  return hasKind(entity, 'resource');
}
/** True for a System entity. */
export function isSystemEntity(entity: Entity): entity is SystemEntity {
  return hasKind(entity, 'system');
}
/** True for a Domain entity. */
export function isDomainEntity(entity: Entity): entity is DomainEntity {
  return hasKind(entity, 'domain');
}
/** True for a Group entity. */
export function isGroupEntity(entity: Entity): entity is GroupEntity {
  return hasKind(entity, 'group');
}
/** True for a User entity. */
export function isUserEntity(entity: Entity): entity is UserEntity {
  return hasKind(entity, 'user');
}
/** True for a Location entity. */
export function isLocationEntity(entity: Entity): entity is LocationEntity {
  return hasKind(entity, 'location');
}
