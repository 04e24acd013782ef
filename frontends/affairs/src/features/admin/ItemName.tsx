import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../../app/affairs-context';
import { useItemName } from './useItemName';

/** An item's name beside its code; a quiet note when the catalog does not have it. */
export function ItemName({ code }: { code: string }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const { name, loading, missing } = useItemName(code);
  if (name) {
    return (
      <span lang={locale === 'en' ? undefined : 'zh-CN'} data-testid="item-name">
        {name}
      </span>
    );
  }
  if (loading) return <span className="aff-muted">{t('common.loading')}</span>;
  return (
    <span className="aff-muted">{missing ? t('admin.rules.itemMissing') : t('admin.rules.itemUnknown')}</span>
  );
}
