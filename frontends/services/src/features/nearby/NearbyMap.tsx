import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDistance, offsetMeters, ringDistances, type LatLng } from './geo';

export interface MapPoint extends LatLng {
  id: string;
  rank: number;
  name: string;
  distanceMeters: number;
}

interface Props {
  centre: LatLng;
  /** What the centre is: the resident's own position or a chosen district/street. */
  centreIsUser: boolean;
  radiusMeters: number;
  points: MapPoint[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const SIZE = 320;
const MID = SIZE / 2;
const PLOT_RADIUS = 140;

/**
 * A schematic map drawn in SVG — no tile server, works offline and in any network. The centre is
 * the chosen place, rings mark distance, north is up. Markers are keyboard-focusable buttons whose
 * numbers match the list.
 */
export function NearbyMap({ centre, centreIsUser, radiusMeters, points, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const scale = PLOT_RADIUS / radiusMeters;

  function position(point: LatLng): { x: number; y: number } {
    const { east, north } = offsetMeters(centre, point);
    const distance = Math.hypot(east, north);
    // Keep markers just outside the radius (rounding) on the outer ring.
    const clamp = distance * scale > PLOT_RADIUS ? PLOT_RADIUS / (distance * scale) : 1;
    return { x: MID + east * scale * clamp, y: MID - north * scale * clamp };
  }

  function onKeyDown(event: KeyboardEvent<SVGGElement>, id: string) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(id);
    }
  }

  // Draw the selected marker last so that it sits on top.
  const ordered = [...points].sort((a, b) => Number(a.id === selectedId) - Number(b.id === selectedId));

  return (
    <figure className="svc-map" data-testid="nearby-map">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="group"
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="svc-map__svg"
      >
        <title id={titleId}>{t('nearby.map')}</title>
        <rect x="0" y="0" width={SIZE} height={SIZE} rx="16" className="svc-map__bg" />
        <g aria-hidden="true">
          <line x1={MID} y1={MID - PLOT_RADIUS} x2={MID} y2={MID + PLOT_RADIUS} className="svc-map__axis" />
          <line x1={MID - PLOT_RADIUS} y1={MID} x2={MID + PLOT_RADIUS} y2={MID} className="svc-map__axis" />
          {ringDistances(radiusMeters).map((d) => (
            <g key={d}>
              <circle cx={MID} cy={MID} r={d * scale} className="svc-map__ring" />
              <text
                x={MID + d * scale * Math.SQRT1_2 + 3}
                y={MID - d * scale * Math.SQRT1_2 - 3}
                className="svc-map__ring-label"
              >
                {formatDistance(d, t)}
              </text>
            </g>
          ))}
          <text x={SIZE - 18} y="24" textAnchor="middle" className="svc-map__north">
            {t('nearby.north')}
          </text>
          <path d={`M ${SIZE - 18} 30 l -5 12 l 5 -3 l 5 3 z`} className="svc-map__north-arrow" />
        </g>
        <g className="svc-map__centre">
          <title>{centreIsUser ? t('nearby.you') : t('nearby.centre')}</title>
          <circle cx={MID} cy={MID} r="14" className="svc-map__centre-halo" />
          <circle cx={MID} cy={MID} r="7" className="svc-map__centre-dot" />
        </g>
        {ordered.map((point) => {
          const { x, y } = position(point);
          const selected = point.id === selectedId;
          const label = `${point.rank}. ${point.name}，${t('nearby.distance')} ${formatDistance(point.distanceMeters, t)}`;
          return (
            <g
              key={point.id}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={selected}
              className={selected ? 'svc-map__point svc-map__point--selected' : 'svc-map__point'}
              data-testid="map-point"
              data-point-id={point.id}
              onClick={() => onSelect(point.id)}
              onKeyDown={(e) => onKeyDown(e, point.id)}
            >
              <title>{label}</title>
              <circle cx={x} cy={y} r={selected ? 15 : 12} />
              <text x={x} y={y} dy="0.35em" textAnchor="middle">
                {point.rank}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id={descId} className="svc-muted svc-small">
        {t('nearby.mapDescription')}
      </figcaption>
    </figure>
  );
}
