/** Light, dark or as the system says: set as data-theme on the root element, where styles.css reads it. */
import { useEffect } from 'react';
import type { Theme } from './workspace';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const LAST_THEME_KEY = 'sourcebench.lastTheme';

/** The theme last shown, so that a reload does not flash light before the workspace is read. */
export function lastTheme(): Theme {
  try {
    const value = localStorage.getItem(LAST_THEME_KEY);
    return value === 'light' || value === 'dark' || value === 'system' ? value : 'system';
  } catch {
    return 'system';
  }
}

function resolveTheme(theme: Theme): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export function useTheme(theme: Theme): void {
  useEffect(() => {
    const root = document.documentElement;
    const apply = () => {
      root.dataset.theme = resolveTheme(theme);
      root.dataset.themeChoice = theme;
    };
    try {
      localStorage.setItem(LAST_THEME_KEY, theme);
    } catch {
      // Storage may be unavailable; the workspace still remembers the theme.
    }
    apply();
    if (theme !== 'system' || typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(DARK_QUERY);
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
}

export const THEME_LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', system: 'System' };
