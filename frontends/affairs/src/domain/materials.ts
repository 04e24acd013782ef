import type { ApplicationMaterialFields } from '../graphql/types';

type MaterialLike = Pick<ApplicationMaterialFields, 'required' | 'licenceUsed' | 'fileCount' | 'source'>;

/** Provided: the applicant agreed to use a valid licence for it, or uploaded at least one file. */
export function materialProvided(material: MaterialLike): boolean {
  return (material.source === 'LICENCE' && material.licenceUsed) || material.fileCount > 0;
}

/** Required materials still missing, as `submit` checks them. */
export function missingRequired<T extends MaterialLike>(materials: readonly T[]): T[] {
  return materials.filter((m) => m.required && !materialProvided(m));
}

/**
 * How a licence-backed material stands: `licence` (consent given, valid licence found), `consent`
 * (the applicant has not agreed yet), or `upload` (they chose to upload instead).
 */
export function licenceChoice(
  material: Pick<ApplicationMaterialFields, 'fromLicenceType' | 'source' | 'licenceUsed'>,
): 'licence' | 'consent' | 'upload' | null {
  if (!material.fromLicenceType) return null;
  if (material.source === 'UPLOAD') return 'upload';
  return material.licenceUsed ? 'licence' : 'consent';
}
