import { AtriumError } from '@atrium/errors';
import { describe, expect, it } from 'vitest';
import { type KernelErrorCode, kernelErrorCodes } from '../kernel-error-codes.js';
import { defineModule } from './define-module.js';
import { definePermission } from './define-permission.js';
import { definePlugin } from './define-plugin.js';
import { defineExtensionPoint } from './extension-point.js';
import { defineServiceRef } from './service-ref.js';

/** The error a definition throws, checked to be an AtriumError with that code. */
function definitionError(define: () => unknown, code: KernelErrorCode): AtriumError {
  let thrown: unknown;
  try {
    define();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AtriumError);
  expect((thrown as AtriumError).code).toBe(code);
  return thrown as AtriumError;
}

const init = () => undefined;

describe('definition errors', () => {
  it('definePlugin names the bad plugin id and the rule', () => {
    const error = definitionError(
      () => definePlugin({ id: 'Tech_Insights', deps: {}, init }),
      kernelErrorCodes.KERNEL_INVALID_PLUGIN_ID,
    );
    expect(error.message).toContain("plugin id 'Tech_Insights' is not valid. Plugin ids are kebab-case");
    expect(error.details).toEqual({ pluginId: 'Tech_Insights' });
  });

  it('defineModule names the module and the plugin it extends', () => {
    const badModule = definitionError(
      () => defineModule({ plugin: 'catalog', id: 'GitHub', deps: {}, init }),
      kernelErrorCodes.KERNEL_INVALID_MODULE_ID,
    );
    expect(badModule.message).toContain("module id 'GitHub' of plugin 'catalog' is not valid");
    const badPlugin = definitionError(
      () => defineModule({ plugin: 'Catalog', id: 'github', deps: {}, init }),
      kernelErrorCodes.KERNEL_INVALID_PLUGIN_ID,
    );
    expect(badPlugin.message).toContain("module 'github' names plugin id 'Catalog', which is not valid");
  });

  it('defineServiceRef, defineExtensionPoint and definePermission name the id and its format', () => {
    expect(
      definitionError(() => defineServiceRef({ id: 'database' }), kernelErrorCodes.KERNEL_INVALID_SERVICE_ID)
        .message,
    ).toContain("service ref id 'database' is not valid");
    expect(
      definitionError(
        () => defineExtensionPoint({ id: 'processors' }),
        kernelErrorCodes.KERNEL_INVALID_EXTENSION_POINT_ID,
      ).message,
    ).toContain(
      "extension point id 'processors' is not valid. An extension point id is '<plugin id>.<name>'",
    );
    expect(
      definitionError(
        () => definePermission({ name: 'Catalog.Read' }),
        kernelErrorCodes.KERNEL_INVALID_PERMISSION_NAME,
      ).message,
    ).toContain("permission name 'Catalog.Read' is not valid");
  });

  it('accepts valid ids', () => {
    expect(definePlugin({ id: 'tech-insights', deps: {}, init }).id).toBe('tech-insights');
    expect(defineModule({ plugin: 'catalog', id: 'github', deps: {}, init }).fullId).toBe('catalog.github');
    expect(defineServiceRef({ id: 'catalog.client' }).id).toBe('catalog.client');
    expect(defineExtensionPoint({ id: 'catalog.processors' }).id).toBe('catalog.processors');
    expect(definePermission({ name: 'catalog.entity.read' }).name).toBe('catalog.entity.read');
  });
});
