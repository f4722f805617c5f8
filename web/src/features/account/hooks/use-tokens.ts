// The signed-in user's API tokens, and creating and revoking them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createToken, listTokens, revokeToken } from '../api/account';

const kTokensKey = ['tokens'] as const;

export function useTokens() {
  return useQuery({ queryKey: kTokensKey, queryFn: ({ signal }) => listTokens(signal) });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kTokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kTokensKey }),
  });
}
