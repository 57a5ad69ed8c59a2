import type { RouteResponse } from '@atrium/http-api';
import type { z } from 'zod';
import type { directoryEntrySchema, scaffolderApi } from './scaffolder-api.js';

type Routes = typeof scaffolderApi.routes;

/** The form of a template (`GET /v2/templates/:namespace/:kind/:name/parameter-schema`). */
export type TemplateParameterSchema = RouteResponse<Routes['getParameterSchema']>;

/** An action as `GET /v2/actions` lists it. */
export type ActionDescription = RouteResponse<Routes['listActions']>[number];

/** A file sent to or received from a dry run, base64 encoded. */
export type DirectoryEntry = z.output<typeof directoryEntrySchema>;

/** Answer of `POST /v2/dry-run`. */
export type DryRunResult = RouteResponse<Routes['dryRun']>;
