import { useEffect, useMemo, useState } from 'react';
import { useApiRegistry } from '../apis/use-api.js';
import type { NavItem } from '../extensions/core-extension-data.js';

/**
 * The nav items the signed-in user may see: those without an `isVisible` check, and those
 * whose check resolved `true`. A checked item stays hidden until its answer arrives, so a
 * page the user may not use never flashes in the navigation.
 *
 * @example
 * const visible = useVisibleNavItems(navItems);
 */
export function useVisibleNavItems(navItems: readonly NavItem[]): readonly NavItem[] {
  const apis = useApiRegistry();
  const [allowed, setAllowed] = useState<ReadonlySet<NavItem>>(new Set());
  useEffect(() => {
    let isCurrent = true;
    const checked = navItems.filter((item) => item.isVisible);
    Promise.all(
      checked.map((item) => item.isVisible?.(apis).catch(() => false) ?? Promise.resolve(false)),
    ).then((answers) => {
      if (isCurrent) setAllowed(new Set(checked.filter((_, index) => answers[index] === true)));
    });
    return () => {
      isCurrent = false;
    };
  }, [navItems, apis]);
  return useMemo(() => navItems.filter((item) => !item.isVisible || allowed.has(item)), [navItems, allowed]);
}
