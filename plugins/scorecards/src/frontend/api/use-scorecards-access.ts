import { useApi } from '@atrium/web-kernel';
import { useQuery } from '@tanstack/react-query';
import { type ScorecardsApi, scorecardsApiRef } from './scorecards-api-ref.js';

/** What the signed-in user may do in scorecards. */
export type ScorecardsAccess = Awaited<ReturnType<ScorecardsApi['getAccess']>>;

/** What the signed-in user may do in scorecards (actions they may not take are hidden). */
export function useScorecardsAccess() {
  const client = useApi(scorecardsApiRef);
  return useQuery({
    queryKey: ['scorecards', 'access'],
    queryFn: () => client.getAccess(),
    staleTime: 60_000,
  });
}
