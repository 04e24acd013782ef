import { useQuery } from '@apollo/client/react';
import { useAffairsContext } from '../../app/affairs-context';
import { SERVICE_ITEM_NAME } from './queries';

/**
 * The catalog's name for an item code, in the UI language. `missing` when the catalog answered
 * that it has no such item; a catalog that cannot be reached leaves the name unknown, no more.
 */
export function useItemName(code: string) {
  const { locale } = useAffairsContext();
  const { data, loading } = useQuery(SERVICE_ITEM_NAME, {
    variables: { code },
    skip: !code,
    errorPolicy: 'all',
  });
  const item = data?.serviceItemByCode ?? null;
  return {
    item,
    name: item ? (locale === 'en' && item.nameEn ? item.nameEn : item.name) : null,
    loading: loading && !data,
    missing: !loading && data !== undefined && data.serviceItemByCode === null,
  };
}
