import { useQuery } from '@apollo/client/react';
import { Alert, Button, Empty } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadingBlock, QueryError, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { useLocalizedName, useServicesPath } from '../../app/services-context';
import { PageHeading } from '../../components/PageHeading';
import { ServicePointSummary } from '../../components/ServicePointSummary';
import { CITY_CENTRE, DEFAULT_RADIUS, RADIUS_OPTIONS, formatDistance, type LatLng } from './geo';
import { NearbyMap, type MapPoint } from './NearbyMap';
import { DISTRICTS, NEARBY_ITEM, NEARBY_SERVICE_POINTS, type DistrictFields } from './queries';

type GeoStatus = 'idle' | 'locating' | 'located' | 'denied' | 'unavailable' | 'unsupported';

/** The resident's position, when they share it. */
function useGeolocation() {
  const [status, setStatus] = useState<GeoStatus>('idle');
  const [position, setPosition] = useState<LatLng | null>(null);

  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setStatus('unsupported');
      return;
    }
    setStatus('locating');
    navigator.geolocation.getCurrentPosition(
      (result) => {
        setPosition({ latitude: result.coords.latitude, longitude: result.coords.longitude });
        setStatus('located');
      },
      (error) => setStatus(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  }, []);

  // Permission given on an earlier visit: use it straight away, without a prompt.
  useEffect(() => {
    let cancelled = false;
    navigator.permissions
      ?.query({ name: 'geolocation' })
      .then((permission) => {
        if (!cancelled && permission.state === 'granted') locate();
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [locate]);

  const forget = useCallback(() => {
    setPosition(null);
    setStatus('idle');
  }, []);

  return { status, position, locate, forget };
}

/** 15 分钟便民服务圈 — service points near the resident, nearest first, optionally for one item. */
export function NearbyPage() {
  const { t } = useTranslation();
  const to = useServicesPath();
  const localized = useLocalizedName();
  const [params] = useSearchParams();
  const itemIdParam = params.get('item');
  const itemCode = params.get('code');

  const itemQuery = useQuery(NEARBY_ITEM, { variables: { code: itemCode ?? '' }, skip: !itemCode });
  const item = itemQuery.data?.serviceItemByCode ?? null;
  const serviceItemId = itemIdParam ?? item?.id ?? null;
  const waitingForItem = !itemIdParam && !!itemCode && itemQuery.loading;

  const title = item ? t('nearby.titleForItem', { name: localized(item) }) : t('nearby.title');
  useDocumentTitle(title);

  const geo = useGeolocation();
  const districts = useQuery(DISTRICTS);
  const [districtCode, setDistrictCode] = useState('');
  const [streetCode, setStreetCode] = useState('');
  const [radius, setRadius] = useState<number>(DEFAULT_RADIUS);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const districtList = districts.data?.districts ?? [];
  const district: DistrictFields | undefined = districtList.find((d) => d.code === districtCode);
  const street = district?.children.find((s) => s.code === streetCode);
  const region = street ?? district;

  const usingGeo = geo.status === 'located' && geo.position !== null;
  const centre: LatLng = usingGeo && geo.position ? geo.position : region ? region : CITY_CENTRE;
  const centreName = region
    ? [district?.name, street?.name].filter(Boolean).join(' ')
    : t('nearby.cityCentre');

  const nearby = useQuery(NEARBY_SERVICE_POINTS, {
    variables: {
      latitude: centre.latitude,
      longitude: centre.longitude,
      radiusMeters: radius,
      serviceItemId,
    },
    skip: waitingForItem,
  });

  const ids = useId();
  const points = nearby.data?.nearbyServicePoints;

  function selectPoint(id: string, focusList: boolean) {
    setSelectedId(id);
    if (focusList) {
      const element = document.getElementById(`nearby-point-${id}`);
      element?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      element?.focus({ preventScroll: true });
    }
  }

  const geoMessage: Record<GeoStatus, string | null> = {
    idle: null,
    locating: null,
    located: null,
    denied: t('nearby.geoDenied'),
    unavailable: t('nearby.geoUnavailable'),
    unsupported: t('nearby.geoUnsupported'),
  };
  const radiusText = formatDistance(radius, t);

  return (
    <div className="svc-page svc-nearby">
      <PageHeading
        title={title}
        lead={t('nearby.lead')}
        crumbs={
          item
            ? [
                { label: localized(item), to: to(`items/${encodeURIComponent(item.code)}`) },
                { label: t('nearby.title') },
              ]
            : [{ label: t('nearby.title') }]
        }
      >
        {serviceItemId && (
          <p className="svc-muted">
            {t('nearby.filteredBy')} ·{' '}
            <Link to={to('nearby')} data-testid="nearby-show-all">
              {t('nearby.showAll')}
            </Link>
          </p>
        )}
      </PageHeading>

      <section className="svc-panel svc-nearby__controls" aria-labelledby={`${ids}-where`}>
        <h2 id={`${ids}-where`}>{t('nearby.where')}</h2>
        <div className="svc-nearby__geo">
          <Button
            type={usingGeo ? 'default' : 'primary'}
            size="large"
            icon={<AimOutlined aria-hidden />}
            loading={geo.status === 'locating'}
            onClick={geo.locate}
            data-testid="use-my-location"
          >
            {geo.status === 'locating' ? t('nearby.locating') : t('nearby.useMyLocation')}
          </Button>
          {usingGeo && (
            <span className="svc-muted" role="status">
              {t('nearby.located')}
            </span>
          )}
        </div>
        {geoMessage[geo.status] && (
          <Alert type="info" showIcon title={geoMessage[geo.status]} data-testid="geo-message" />
        )}
        <div className="svc-nearby__selects">
          <div className="svc-field">
            <label htmlFor={`${ids}-district`}>{t('nearby.district')}</label>
            <select
              id={`${ids}-district`}
              className="svc-select"
              value={districtCode}
              disabled={districts.loading && districtList.length === 0}
              onChange={(e) => {
                setDistrictCode(e.target.value);
                setStreetCode('');
                setSelectedId(null);
                geo.forget(); // choosing a place means "search there", not "where I am"
              }}
              data-testid="district-select"
            >
              <option value="">{t('nearby.cityCentre')}</option>
              {districtList.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div className="svc-field">
            <label htmlFor={`${ids}-street`}>{t('nearby.street')}</label>
            <select
              id={`${ids}-street`}
              className="svc-select"
              value={streetCode}
              disabled={!district}
              onChange={(e) => {
                setStreetCode(e.target.value);
                setSelectedId(null);
                geo.forget();
              }}
              data-testid="street-select"
            >
              <option value="">{t('nearby.allStreets')}</option>
              {district?.children.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="svc-field">
            <label htmlFor={`${ids}-radius`}>{t('nearby.radius')}</label>
            <select
              id={`${ids}-radius`}
              className="svc-select"
              value={radius}
              onChange={(e) => {
                setRadius(Number(e.target.value));
                setSelectedId(null);
              }}
              data-testid="radius-select"
            >
              {RADIUS_OPTIONS.map((r) => (
                <option key={r} value={r}>
                  {formatDistance(r, t)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {districts.error && (
          <QueryError compact error={districts.error} onRetry={() => districts.refetch()} />
        )}
        <p className="svc-muted" data-testid="nearby-centre">
          {usingGeo ? t('nearby.fromYou') : t('nearby.centreOf', { name: centreName })}
        </p>
      </section>

      {(nearby.loading && !points) || waitingForItem ? (
        <LoadingBlock rows={6} />
      ) : nearby.error || !points ? (
        <QueryError error={nearby.error} onRetry={() => nearby.refetch()} retrying={nearby.loading} />
      ) : points.length === 0 ? (
        <div className="svc-panel">
          <Empty description={t('nearby.empty', { radius: radiusText })} />
        </div>
      ) : (
        <div className="svc-nearby__results">
          <NearbyMap
            centre={centre}
            centreIsUser={usingGeo}
            radiusMeters={radius}
            points={points.map((p, index): MapPoint => ({
              id: p.servicePoint.id,
              rank: index + 1,
              name: p.servicePoint.name,
              latitude: p.servicePoint.latitude,
              longitude: p.servicePoint.longitude,
              distanceMeters: p.distanceMeters,
            }))}
            selectedId={selectedId}
            onSelect={(id) => selectPoint(id, true)}
          />
          <section className="svc-nearby__list" aria-labelledby={`${ids}-list`}>
            <h2 id={`${ids}-list`}>{t('nearby.list')}</h2>
            <p className="svc-muted" aria-live="polite" data-testid="nearby-total">
              {t('nearby.results', { count: points.length, radius: radiusText })}
            </p>
            <ol className="svc-points">
              {points.map(({ servicePoint: point, distanceMeters }, index) => (
                <li
                  key={point.id}
                  id={`nearby-point-${point.id}`}
                  tabIndex={-1}
                  className={point.id === selectedId ? 'svc-point svc-point--selected' : 'svc-point'}
                  data-testid="nearby-point"
                  data-point-id={point.id}
                >
                  <div className="svc-point__head">
                    <span className="svc-point__rank" aria-hidden="true">
                      {index + 1}
                    </span>
                    <div>
                      <h3 className="svc-point__name" lang="zh-CN">
                        {point.name}
                      </h3>
                      <p className="svc-muted svc-small">
                        {t(`pointType.${point.type}`)} ·{' '}
                        {t('nearby.handlesItems', { count: point.serviceItemCount })}
                      </p>
                    </div>
                    <p className="svc-point__distance" data-testid="point-distance">
                      <span className="svc-visually-hidden">{t('nearby.distance')} </span>
                      {formatDistance(distanceMeters, t)}
                    </p>
                  </div>
                  <ServicePointSummary point={point} />
                  <Button
                    size="middle"
                    onClick={() => selectPoint(point.id, false)}
                    aria-pressed={point.id === selectedId}
                    className="svc-point__show"
                  >
                    {t('nearby.showOnMap')}
                  </Button>
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </div>
  );
}
