import { gql, type TypedDocumentNode } from '@apollo/client';
import { APPLICANT_APPLICATION_FIELDS, RATING_FIELDS, USER_ERROR_FIELDS } from '../../graphql/selections';
import type { ApplicantApplication, ApplicationResult, RatingFields, UserError } from '../../graphql/types';
import type { RatingInput } from '../../domain/rating';

type Result = ApplicationResult<ApplicantApplication>;

export const APPLICANT_APPLICATION_QUERY: TypedDocumentNode<
  { application: ApplicantApplication | null },
  { id: string }
> = gql`
  query ApplicantApplication($id: ID!) {
    application(id: $id) {
      ${APPLICANT_APPLICATION_FIELDS}
    }
  }
`;

export const START_APPLICATION: TypedDocumentNode<{ startApplication: Result }, { itemId: string }> = gql`
  mutation StartApplication($itemId: ID!) {
    startApplication(itemId: $itemId) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      application {
        ${APPLICANT_APPLICATION_FIELDS}
      }
    }
  }
`;

export interface DraftInput {
  formAnswers?: { field: string; value: string }[];
  useLicenceFor?: string[];
  uploadInsteadFor?: string[];
}

export const SAVE_DRAFT: TypedDocumentNode<
  { saveApplicationDraft: Result },
  { id: string; expectedVersion: number; input: DraftInput }
> = gql`
  mutation SaveApplicationDraft($id: ID!, $expectedVersion: Int!, $input: ApplicationDraftInput!) {
    saveApplicationDraft(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      application {
        ${APPLICANT_APPLICATION_FIELDS}
      }
    }
  }
`;

export const REQUEST_MATERIAL_UPLOAD: TypedDocumentNode<
  {
    requestMaterialUpload: {
      ok: boolean;
      error: UserError | null;
      uploadUrl: string | null;
      expiresAt: string | null;
    };
  },
  { id: string; materialId: string; fileName: string; contentType: string; size: number }
> = gql`
  mutation RequestMaterialUpload(
    $id: ID!
    $materialId: ID!
    $fileName: String!
    $contentType: String!
    $size: Int!
  ) {
    requestMaterialUpload(
      id: $id
      materialId: $materialId
      fileName: $fileName
      contentType: $contentType
      size: $size
    ) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      uploadUrl
      expiresAt
    }
  }
`;

export const REMOVE_MATERIAL_FILE: TypedDocumentNode<
  { removeMaterialFile: Result },
  { id: string; expectedVersion: number; fileId: string }
> = gql`
  mutation RemoveMaterialFile($id: ID!, $expectedVersion: Int!, $fileId: ID!) {
    removeMaterialFile(id: $id, expectedVersion: $expectedVersion, fileId: $fileId) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      application {
        ${APPLICANT_APPLICATION_FIELDS}
      }
    }
  }
`;

/** The applicant's own actions: submit, withdraw, resubmit. */
export const ACT_AS_APPLICANT: TypedDocumentNode<
  { actOnApplication: Result },
  { id: string; expectedVersion: number; action: string }
> = gql`
  mutation ActAsApplicant($id: ID!, $expectedVersion: Int!, $action: String!) {
    actOnApplication(id: $id, expectedVersion: $expectedVersion, action: $action) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      application {
        ${APPLICANT_APPLICATION_FIELDS}
      }
    }
  }
`;

export const RATE_APPLICATION: TypedDocumentNode<
  { rateApplication: { ok: boolean; error: UserError | null; rating: RatingFields | null } },
  { id: string; input: RatingInput }
> = gql`
  mutation RateApplication($id: ID!, $input: RatingInput!) {
    rateApplication(id: $id, input: $input) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      rating {
        ${RATING_FIELDS}
      }
    }
  }
`;

export interface GuideMaterial {
  name: string;
  description: string;
  fromLicence: { code: string; name: string } | null;
}

/**
 * From the catalog: what each material is (its description) and the licence type names for the
 * consent text. Optional: without it the wizard falls back to the material names.
 */
export const ITEM_GUIDE_MATERIALS: TypedDocumentNode<
  {
    serviceItemByCode: { id: string; name: string; nameEn: string; materials: GuideMaterial[] } | null;
  },
  { code: string }
> = gql`
  query ApplyItemGuide($code: String!) {
    serviceItemByCode(code: $code) {
      id
      name
      nameEn
      materials {
        name
        description
        fromLicence {
          code
          name
        }
      }
    }
  }
`;

/** The item's 秒批 rules: the form asks what they read (see domain/form-questions.ts). */
export const INSTANT_APPROVAL_RULES: TypedDocumentNode<
  { instantApprovalRules: { itemCode: string; version: number; rules: string } | null },
  { itemCode: string }
> = gql`
  query ApplyInstantApprovalRules($itemCode: String!) {
    instantApprovalRules(itemCode: $itemCode) {
      itemCode
      version
      rules
    }
  }
`;
