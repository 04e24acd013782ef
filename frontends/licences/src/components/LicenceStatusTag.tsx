import { Tag } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  PauseCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { licenceStatusView, type StatusIcon } from '../domain/licence-status';
import type { LicenceStatus } from '../graphql/types';

const ICONS: Record<StatusIcon, typeof CheckCircleOutlined> = {
  check: CheckCircleOutlined,
  pause: PauseCircleOutlined,
  stop: StopOutlined,
  clock: ClockCircleOutlined,
};

/** A licence's status: icon, colour and words together (never colour alone). */
export function LicenceStatusTag({ status }: { status: LicenceStatus }) {
  const { t } = useTranslation();
  const view = licenceStatusView(status);
  const Icon = ICONS[view.icon];
  return (
    <Tag className={`lic-tag lic-tag--${view.tone}`} data-testid="status-tag" data-status={status}>
      <Icon aria-hidden /> {t(view.labelKey)}
    </Tag>
  );
}
