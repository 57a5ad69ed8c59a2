import { useApi } from '@atrium/web-kernel';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { rbacApiRef } from './api/rbac-client.js';

/** Shows its children (the Administration nav item) only to users who hold `rbac.policy.read`. */
export function RbacNavGuard({ children }: { children: ReactNode }) {
  const client = useApi(rbacApiRef);
  const access = useQuery({ queryKey: ['rbac', 'access'], queryFn: () => client.getAccess(), retry: false });
  return access.data?.canRead ? children : null;
}
