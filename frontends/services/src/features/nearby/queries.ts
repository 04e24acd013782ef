import { gql, type TypedDocumentNode } from '@apollo/client';
import { SERVICE_POINT_FIELDS } from '../../graphql/fragments';
import type { RegionFields, ServicePointFields } from '../../graphql/types';

export interface NearbyPoint {
  distanceMeters: number;
  servicePoint: ServicePointFields & { serviceItemCount: number };
}

export const NEARBY_SERVICE_POINTS: TypedDocumentNode<
  { nearbyServicePoints: NearbyPoint[] | null },
  { latitude: number; longitude: number; radiusMeters: number; serviceItemId?: string | null }
> = gql`
  query NearbyServicePoints($latitude: Float!, $longitude: Float!, $radiusMeters: Int!, $serviceItemId: ID) {
    nearbyServicePoints(
      latitude: $latitude
      longitude: $longitude
      radiusMeters: $radiusMeters
      serviceItemId: $serviceItemId
      first: 50
    ) {
      distanceMeters
      servicePoint {
        ...ServicePointFields
        serviceItemCount
      }
    }
  }
  ${SERVICE_POINT_FIELDS}
`;

export interface DistrictFields extends RegionFields {
  children: RegionFields[];
}

export const DISTRICTS: TypedDocumentNode<
  { districts: DistrictFields[] | null },
  Record<string, never>
> = gql`
  query Districts {
    districts {
      code
      name
      latitude
      longitude
      children {
        code
        name
        latitude
        longitude
      }
    }
  }
`;

export const NEARBY_ITEM: TypedDocumentNode<
  { serviceItemByCode: { id: string; code: string; name: string; nameEn: string } | null },
  { code: string }
> = gql`
  query NearbyItem($code: String!) {
    serviceItemByCode(code: $code) {
      id
      code
      name
      nameEn
    }
  }
`;
