import type { TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { useParams } from 'react-router';

/**
 * The application the route names (`:id`), fresh from the network each visit, with a `reload` for
 * after an action and the query's `status` for `ApplicationLoadState` until it is there.
 */
export function useRouteApplication<TApplication>(
  document: TypedDocumentNode<{ application: TApplication | null }, { id: string }>,
) {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(document, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => refetch(), [refetch]);
  return {
    application: data?.application ?? null,
    reload,
    status: { loading, error, answered: data !== undefined },
  };
}
