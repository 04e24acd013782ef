import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../identity/operations';
import { RevealableField } from './RevealableField';

/** 个人资料: what the city holds about the resident, masked, each sensitive field revealable. */
export function ProfileSection({ account }: { account: AccountSummary }) {
  const { t, i18n } = useTranslation();
  const department = account.department;
  // A resident needs no line about roles; staff see what they act as, and for which department.
  const staffRoles = account.roles.filter((r) => r !== 'resident');
  const person = account.person;
  const notOnFile = <span className="shell-muted">{t('account.notOnFile')}</span>;

  return (
    <section className="shell-panel" aria-labelledby="profile-title" data-testid="account-profile">
      <h2 id="profile-title">{t('account.profileTitle')}</h2>
      <p className="shell-panel__lead">{t('account.profileLead')}</p>
      <dl className="shell-profile">
        <div className="shell-profile__row">
          <dt>{t('account.name')}</dt>
          <dd data-testid="profile-name">{person?.name ?? notOnFile}</dd>
        </div>
        {staffRoles.length > 0 && (
          <div className="shell-profile__row">
            <dt>{t('account.roles')}</dt>
            <dd data-testid="account-roles">
              {staffRoles.map((r) => t(`adminAccounts.role.${r}`, { defaultValue: r })).join('、')}
              {department && ` · ${i18n.language.startsWith('en') ? department.nameEn : department.name}`}
            </dd>
          </div>
        )}
        {person && (
          <>
            <div className="shell-profile__row">
              <dt>{t('account.idType')}</dt>
              <dd>{t(`account.idTypes.${person.idType}`, { defaultValue: person.idType })}</dd>
            </div>
            <div className="shell-profile__row">
              <dt>{t('account.idNumber')}</dt>
              <dd>
                <RevealableField
                  field="ID_NUMBER"
                  label={t('account.idNumber')}
                  masked={person.idNumber}
                  testId="profile-id-number"
                  revealTestId="reveal-id-number"
                />
              </dd>
            </div>
          </>
        )}
        <div className="shell-profile__row">
          <dt>{t('account.phone')}</dt>
          <dd>
            <RevealableField
              field="PHONE"
              label={t('account.phone')}
              masked={person?.phone ?? account.phone}
              testId="profile-phone"
              revealTestId="reveal-phone"
            />
          </dd>
        </div>
        {person && (
          <div className="shell-profile__row">
            <dt>{t('account.address')}</dt>
            <dd>
              {person.address ? (
                <RevealableField
                  field="ADDRESS"
                  label={t('account.address')}
                  masked={person.address}
                  testId="profile-address"
                  revealTestId="reveal-address"
                />
              ) : (
                notOnFile
              )}
            </dd>
          </div>
        )}
        {person?.dateOfBirth && (
          <div className="shell-profile__row">
            <dt>{t('account.dateOfBirth')}</dt>
            <dd>{person.dateOfBirth}</dd>
          </div>
        )}
        {account.username && (
          <div className="shell-profile__row">
            <dt>{t('account.username')}</dt>
            <dd>{account.username}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
