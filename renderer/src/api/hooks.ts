import { useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { api } from './index';

export const apiKey = <M extends MethodName>(method: M, input?: InputOf<M>) => (input === undefined ? ['api', method] : ['api', method, input]);

/** A read through the API, cached by method and input. */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: Omit<UseQueryOptions<OutputOf<M>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<M>, ApiError>({ queryKey: apiKey(method, input), queryFn: () => api.call(method, input), ...options });
}

/** A change through the API. */
export function useApiMutation<M extends MethodName>(method: M, options: Omit<UseMutationOptions<OutputOf<M>, ApiError, InputOf<M>>, 'mutationFn'> = {}) {
  return useMutation<OutputOf<M>, ApiError, InputOf<M>>({ mutationFn: (input) => api.call(method, input), ...options });
}
