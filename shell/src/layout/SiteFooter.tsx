import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="shell-footer">
      <p>{t('footer.org')}</p>
      <p>
        <a href="tel:12345">{t('footer.hotline')}</a>
      </p>
      <p>{t('footer.openSource')}</p>
    </footer>
  );
}
