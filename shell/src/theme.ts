import type { ThemeConfig } from 'antd';

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Civic blue; white text on it is 6.9:1 (WCAG AA and AAA for large text). */
const PRIMARY = '#0b5cad';

const standard: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorLink: PRIMARY,
    colorText: '#1f2329',
    colorTextSecondary: '#4e5969',
    colorTextTertiary: '#5c6672',
    colorSuccess: '#1f7a3a',
    colorWarning: '#ad5a00',
    colorError: '#c0262d',
    borderRadius: 8,
    fontSize: 16,
    fontFamily: FONT_FAMILY,
  },
};

/** 长者模式: 20 px text, 48 px controls, black on white, darker borders. */
const elderly: ThemeConfig = {
  token: {
    colorPrimary: '#003d80',
    colorLink: '#003d80',
    colorText: '#000000',
    colorTextSecondary: '#1a1a1a',
    colorTextTertiary: '#262626',
    colorTextDescription: '#1a1a1a',
    colorBorder: '#404040',
    colorBorderSecondary: '#737373',
    colorSuccess: '#145c2a',
    colorWarning: '#7a3e00',
    colorError: '#a1141b',
    borderRadius: 6,
    fontSize: 20,
    lineHeight: 1.6,
    controlHeight: 48,
    fontFamily: FONT_FAMILY,
  },
};

export function themeFor(isElderly: boolean): ThemeConfig {
  return isElderly ? elderly : standard;
}
