import { readFile } from 'node:fs/promises';
import { InputError } from '@atrium/errors';
import { parse, stringify } from 'yaml';
import { describePolicyIssues, type RbacPolicy, rbacPolicySchema } from '../common/index.js';

/**
 * Parses a policy document (YAML or JSON text). A problem is an `InputError` that names
 * the source, the role and the field, e.g. `policy file 'rbac.yaml': role 'dev' (roles[1]),
 * field 'rules[0].effect': Invalid option: expected one of "allow"|"deny"`.
 */
export function parsePolicyText(text: string, source: string): RbacPolicy {
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new InputError(`${source} is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  const result = rbacPolicySchema.safeParse(document);
  if (!result.success) {
    throw new InputError(`${source}: ${describePolicyIssues(document, result.error.issues).join('; ')}`);
  }
  return result.data;
}

/** Reads and parses the policy file named in `permission.rbac.policyFile`. */
export async function readPolicyFile(path: string): Promise<RbacPolicy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `policy file '${path}' (permission.rbac.policyFile) cannot be read: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return parsePolicyText(text, `policy file '${path}'`);
}

/** The policy as the YAML a policy file holds (what the export route serves). */
export function policyToYaml(policy: RbacPolicy): string {
  return stringify(policy, { lineWidth: 0, aliasDuplicateObjects: false });
}
