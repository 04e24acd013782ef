import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { ApplicationMaterialFields } from '../../graphql/types';
import { ITEM_GUIDE_MATERIALS } from './queries';

export interface ItemGuide {
  /** The guide's description of a material (Chinese), when the catalog answered. */
  descriptionOf(material: Pick<ApplicationMaterialFields, 'name'>): string | null;
  /** The licence type's name for the consent text (居民身份证), else the material's own name. */
  licenceNameOf(material: Pick<ApplicationMaterialFields, 'name' | 'fromLicenceType'>): string;
  /** The item's English name, when the catalog answered. */
  nameEn: string | null;
}

/**
 * What the catalog adds to an application's materials. The application carries the item's terms
 * as they were when it started; the guide only adds descriptions and licence names, so it is
 * optional: if the catalog does not answer, the wizard still works with the names it has.
 */
export function useItemGuide(itemCode: string): ItemGuide {
  const { data } = useQuery(ITEM_GUIDE_MATERIALS, {
    variables: { code: itemCode },
    errorPolicy: 'all',
    skip: !itemCode,
  });
  return useMemo(() => {
    const item = data?.serviceItemByCode ?? null;
    const materials = item?.materials ?? [];
    return {
      descriptionOf: (material) => materials.find((m) => m.name === material.name)?.description ?? null,
      licenceNameOf: (material) =>
        materials.find((m) => m.fromLicence && m.fromLicence.code === material.fromLicenceType)?.fromLicence
          ?.name ?? material.name,
      nameEn: item?.nameEn || null,
    };
  }, [data]);
}
