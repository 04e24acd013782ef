import { gql, type TypedDocumentNode } from '@apollo/client';
import { SERVICE_POINT_FIELDS } from '../../graphql/fragments';
import type { Channel, ServiceCategory, ServiceItemKind, ServicePointFields } from '../../graphql/types';

export interface ServiceGuide {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  category: ServiceCategory;
  kind: ServiceItemKind;
  summary: string;
  eligibility: string;
  department: { code: string; name: string; nameEn: string; phone: string };
  lifeEvents: { code: string; name: string; nameEn: string }[];
  materials: {
    name: string;
    description: string;
    originals: number;
    copies: number;
    required: boolean;
    fromLicence: { code: string; name: string } | null;
  }[];
  legalDays: number;
  promisedDays: number;
  fee: { free: boolean; amountYuan: number | null; basis: string | null; note: string | null };
  channels: Channel[];
  visits: number;
  instantApproval: boolean;
  legalBasis: string[];
  faq: { question: string; answer: string }[];
  servicePoints: ServicePointFields[];
  servicePointCount: number;
  version: number;
  updatedAt: string;
}

export const SERVICE_GUIDE: TypedDocumentNode<{ serviceItemByCode: ServiceGuide | null }, { code: string }> =
  gql`
    query ServiceGuide($code: String!) {
      serviceItemByCode(code: $code) {
        id
        code
        name
        nameEn
        category
        kind
        summary
        eligibility
        department {
          code
          name
          nameEn
          phone
        }
        lifeEvents {
          code
          name
          nameEn
        }
        materials {
          name
          description
          originals
          copies
          required
          fromLicence {
            code
            name
          }
        }
        legalDays
        promisedDays
        fee {
          free
          amountYuan
          basis
          note
        }
        channels
        visits
        instantApproval
        legalBasis
        faq {
          question
          answer
        }
        servicePoints(first: 3) {
          ...ServicePointFields
        }
        servicePointCount
        version
        updatedAt
      }
    }
    ${SERVICE_POINT_FIELDS}
  `;
