import { gql, type TypedDocumentNode } from '@apollo/client';
import { SERVICE_ITEM_PAGE } from '../../graphql/fragments';
import type { Audience, ServiceItemCardFields, ServiceItemConnection } from '../../graphql/types';

export interface LifeEventFields {
  code: string;
  name: string;
  nameEn: string;
  audience: Audience;
  description: string;
  serviceItemCount: number;
}

export interface DepartmentFields {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  phone: string;
  serviceItemCount: number;
}

export const LIFE_EVENTS: TypedDocumentNode<
  { lifeEvents: LifeEventFields[] | null },
  Record<string, never>
> = gql`
  query LifeEvents {
    lifeEvents {
      code
      name
      nameEn
      audience
      description
      serviceItemCount
    }
  }
`;

export const DEPARTMENTS: TypedDocumentNode<
  { departments: DepartmentFields[] | null },
  Record<string, never>
> = gql`
  query Departments {
    departments {
      code
      name
      nameEn
      description
      phone
      serviceItemCount
    }
  }
`;

export const POPULAR_ITEMS: TypedDocumentNode<
  { serviceItems: ServiceItemConnection<ServiceItemCardFields> | null },
  Record<string, never>
> = gql`
  query PopularServiceItems {
    serviceItems(first: 6) {
      ...ServiceItemPage
    }
  }
  ${SERVICE_ITEM_PAGE}
`;
