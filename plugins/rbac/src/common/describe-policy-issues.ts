import type { z } from 'zod';

type Path = ReadonlyArray<PropertyKey>;

function roleName(input: unknown, index: number): string | undefined {
  const roles = (input as { roles?: unknown } | null)?.roles;
  const role = Array.isArray(roles) ? (roles[index] as { name?: unknown } | undefined) : undefined;
  return typeof role?.name === 'string' ? role.name : undefined;
}

function fieldPath(path: Path): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part),
    '',
  );
}

/**
 * Turns schema issues of a policy document into messages that name the role and the
 * field, e.g. `role 'developers' (roles[2]), field 'rules[0].effect': Invalid option`.
 *
 * @example
 * const result = rbacPolicySchema.safeParse(doc);
 * if (!result.success) throw new InputError(describePolicyIssues(doc, result.error.issues).join('; '));
 */
export function describePolicyIssues(input: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const [first, index, ...rest] = issue.path;
    if (first === 'roles' && typeof index === 'number') {
      const name = roleName(input, index);
      const role = name === undefined ? `role roles[${index}]` : `role '${name}' (roles[${index}])`;
      return rest.length > 0
        ? `${role}, field '${fieldPath(rest)}': ${issue.message}`
        : `${role}: ${issue.message}`;
    }
    return issue.path.length > 0 ? `field '${fieldPath(issue.path)}': ${issue.message}` : issue.message;
  });
}
