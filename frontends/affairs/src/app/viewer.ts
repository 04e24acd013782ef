import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { isDepartmentStaff, isSupervisor } from '../domain/viewer-roles';
import type { Viewer } from '../graphql/types';
import { useAffairsContext } from './affairs-context';

/** The signed-in account from identity: whether they work for a department, and which. */
export const VIEWER: TypedDocumentNode<{ me: Viewer | null }, Record<string, never>> = gql`
  query AffairsViewer {
    me {
      id
      roles
      department {
        code
        name
        nameEn
      }
      person {
        name
      }
    }
  }
`;

export function useViewer() {
  const { auth } = useAffairsContext();
  const { data, loading, error, refetch } = useQuery(VIEWER, { skip: !auth.signedIn });
  const viewer = data?.me ?? null;
  return {
    viewer,
    loading: loading && !data,
    error,
    refetch,
    staff: isDepartmentStaff(viewer?.roles),
    supervisor: isSupervisor(viewer?.roles),
  };
}
