import {
  CarOutlined,
  ColumnHeightOutlined,
  HeartOutlined,
  LikeOutlined,
  ReadOutlined,
  SoundOutlined,
  StarOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessibilityFacility } from '../graphql/types';

/** The international symbol of access, drawn inline (no icon font has it). */
function WheelchairIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      fill="currentColor"
    >
      <circle cx="11" cy="3.5" r="2" />
      <path d="M10 7h2v5h5v2h-7z" />
      <path d="M9 9.3v2.2a5 5 0 1 0 6.6 6.2l1.8.9A7 7 0 1 1 9 9.3z" />
      <path d="M16.5 14l2.6 5.2 1.8-.9-.9-1.8-2.6-5.1z" />
    </svg>
  );
}

const ICONS: Record<AccessibilityFacility, ReactNode> = {
  WHEELCHAIR_RAMP: <WheelchairIcon />,
  ACCESSIBLE_TOILET: <WheelchairIcon />,
  ELEVATOR: <ColumnHeightOutlined aria-hidden />,
  PRIORITY_WINDOW: <StarOutlined aria-hidden />,
  HEARING_LOOP: <SoundOutlined aria-hidden />,
  SIGN_LANGUAGE: <LikeOutlined aria-hidden />,
  BRAILLE: <ReadOutlined aria-hidden />,
  ACCESSIBLE_PARKING: <CarOutlined aria-hidden />,
  ELDERLY_SEATING: <HeartOutlined aria-hidden />,
};

/** Accessibility facilities as icon + visible label (icons alone would be a guessing game). */
export function AccessibilityTags({ facilities }: { facilities: AccessibilityFacility[] }) {
  const { t } = useTranslation();
  if (facilities.length === 0) return null;
  return (
    <ul className="svc-facilities" aria-label={t('nearby.accessibility')}>
      {facilities.map((facility) => (
        <li key={facility} className="svc-facility" data-facility={facility}>
          {ICONS[facility]}
          <span>{t(`facility.${facility}`)}</span>
        </li>
      ))}
    </ul>
  );
}
