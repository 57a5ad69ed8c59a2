import { useApi } from '@atrium/web-kernel';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type PluginsClient, pluginsApiRef } from '../api/plugins-api-ref.js';

/**
 * A change through the plugin manager's API: on success every plugins query (installed,
 * backends, history) is read again, so the page shows the state the backends converged to.
 */
export function usePluginsMutation<TInput, TResult>(
  run: (client: PluginsClient, input: TInput) => Promise<TResult>,
  onSuccess?: (result: TResult) => void,
) {
  const client = useApi(pluginsApiRef);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => run(client, input),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['plugins'] });
      onSuccess?.(result);
    },
  });
}
