import { useEffect, useState } from 'react';

/**
 * The current time, ticking every `intervalMs` while it is not null (a countdown on screen), and
 * again as soon as the page becomes visible: a phone that was locked shows the right time at once.
 */
export function useNow(intervalMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === null) return;
    const tick = () => setNow(Date.now());
    const timer = window.setInterval(tick, intervalMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [intervalMs]);
  return now;
}
