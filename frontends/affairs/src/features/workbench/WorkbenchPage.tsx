import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { useAffairsContext } from '../../app/affairs-context';
import { useViewer } from '../../app/viewer';
import { InboxTab } from './InboxTab';
import { RectificationTab } from './RectificationTab';
import { StaffGate } from './StaffGate';

type Tab = 'inbox' | 'rectification';

/** 工作台: the department's inbox (待办) and the rectification tasks (整改) from poor ratings. */
export function WorkbenchPage() {
  return (
    <StaffGate>
      <Workbench />
    </StaffGate>
  );
}

function Workbench() {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const { viewer, supervisor } = useViewer();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'rectification' ? 'rectification' : 'inbox';
  useDocumentTitle(t('workbench.title'));
  const department = viewer?.department
    ? locale === 'en'
      ? viewer.department.nameEn
      : viewer.department.name
    : null;

  return (
    <div className="aff-page" data-testid="workbench">
      <PageHeading
        title={t('workbench.title')}
        lead={
          department
            ? t('workbench.leadDepartment', { department, name: viewer?.person?.name ?? '' })
            : t('workbench.lead')
        }
      >
        {supervisor && <p className="aff-muted aff-small">{t('workbench.supervisorNote')}</p>}
      </PageHeading>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams();
          if (key === 'rectification') next.set('tab', 'rectification');
          setParams(next);
        }}
        size="large"
        items={[
          {
            key: 'inbox',
            label: <span data-testid="tab-inbox">{t('workbench.inboxTab')}</span>,
            children: <InboxTab supervisor={supervisor} />,
          },
          {
            key: 'rectification',
            label: <span data-testid="tab-rectification">{t('workbench.rectificationTab')}</span>,
            children: <RectificationTab />,
          },
        ]}
      />
    </div>
  );
}
