import { Skeleton } from 'antd';

/** What the main area shows while a remote's code downloads. */
export function RemoteSkeleton({ label }: { label: string }) {
  return (
    <div className="shell-remote-skeleton" role="status" aria-live="polite" data-testid="remote-loading">
      <span className="visually-hidden">{label}</span>
      <Skeleton.Input active block style={{ height: 48 }} />
      <Skeleton active paragraph={{ rows: 3 }} />
      <Skeleton active paragraph={{ rows: 4 }} />
    </div>
  );
}
