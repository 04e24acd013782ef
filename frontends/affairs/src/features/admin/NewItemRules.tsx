import { useApolloClient } from '@apollo/client/react';
import { Button, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAffairsPath } from '../../app/affairs-context';
import { ITEM_CODE, normalizeItemCode } from '../../domain/rule-form';
import { AdminField } from './AdminField';
import { SERVICE_ITEM_NAME } from './queries';

/** 为其他事项设置规则: an item code, checked against the catalog, opens that item's editor. */
export function NewItemRules() {
  const { t } = useTranslation();
  const to = useAffairsPath();
  const navigate = useNavigate();
  const client = useApolloClient();
  const id = useId();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = normalizeItemCode(code);
    if (!wanted) return setProblem(t('admin.rules.newItem.problem.required'));
    if (!ITEM_CODE.test(wanted)) return setProblem(t('admin.rules.newItem.problem.format'));
    setChecking(true);
    setProblem(null);
    try {
      const { data } = await client.query({
        query: SERVICE_ITEM_NAME,
        variables: { code: wanted },
        fetchPolicy: 'network-only',
      });
      if (data?.serviceItemByCode) {
        void navigate(to(`admin/rules/${encodeURIComponent(wanted)}?tab=edit`));
        return;
      }
      setProblem(t('admin.rules.newItem.problem.notFound', { code: wanted }));
    } catch {
      setProblem(t('admin.rules.newItem.problem.unavailable'));
    } finally {
      setChecking(false);
    }
  }

  return (
    <section className="aff-panel" aria-labelledby="aff-new-item-title" data-testid="new-item-rules">
      <h2 id="aff-new-item-title">{t('admin.rules.newItem.title')}</h2>
      <form className="aff-admin-inline-form" onSubmit={(e) => void submit(e)} noValidate>
        <AdminField
          id={id}
          label={t('admin.rules.newItem.code')}
          hint={t('admin.rules.newItem.hint')}
          error={problem}
        >
          {(props) => (
            <Input
              {...props}
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                setProblem(null);
              }}
              maxLength={8}
              autoComplete="off"
              spellCheck={false}
              data-testid="new-item-code"
            />
          )}
        </AdminField>
        <Button
          htmlType="submit"
          icon={<SearchOutlined aria-hidden />}
          loading={checking}
          data-testid="new-item-open"
        >
          {t('admin.rules.newItem.submit')}
        </Button>
      </form>
    </section>
  );
}
