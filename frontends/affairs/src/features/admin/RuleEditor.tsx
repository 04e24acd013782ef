import { useMutation } from '@apollo/client/react';
import { Alert, Button, Input } from 'antd';
import { CloudUploadOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OutcomeNotice } from '../../components/OutcomeNotice';
import { useMutationRunner } from '../../components/useMutationRunner';
import {
  MAX_RULES,
  moveRule,
  newRule,
  ruleInputOf,
  rulesFromJson,
  rulesToJson,
  type EditableRule,
  type FormProblem,
  type RuleDraft,
  type RuleInput,
} from '../../domain/rule-form';
import type { RuleSetFields } from '../../graphql/types';
import { AdminField, focusInput } from './AdminField';
import { PUBLISH_RULES } from './queries';
import { RuleCard } from './RuleCard';

const NOTE_MAX = 200;

interface Props {
  itemCode: string;
  /** The current version (null: the item has none yet). */
  current: RuleSetFields | null;
  /** Fetch the current version and the history again. */
  reload: () => Promise<unknown>;
}

interface Problems {
  /** By rule key (problems follow their rule when it moves), then by input. */
  byRule: Record<string, Partial<Record<RuleInput, string>>>;
  /** About the set as a whole (no rules, too many). */
  set: string | null;
  note: string | null;
}

const NO_PROBLEMS: Problems = { byRule: {}, set: null, note: null };

function startingRules(current: RuleSetFields | null): RuleDraft[] {
  const rules = rulesFromJson(current?.rules);
  return rules && rules.length > 0 ? rules : [newRule()];
}

/** Which inputs a change touches, so their problems go away as the administrator fixes them. */
function touched(patch: Partial<EditableRule>): RuleInput[] | 'all' {
  if ('kind' in patch) return 'all';
  return Object.keys(patch).map((key) =>
    key === 'match' || key === 'valueType' ? 'values' : (key as RuleInput),
  );
}

/**
 * 编辑并发布: one card per rule, then a note and 发布新版本. The form writes the JSON; the server
 * checks it and names the field of a problem, which shows under that input. After "someone
 * published meanwhile" the edits stay and the next publish builds on the newest version.
 */
export function RuleEditor({ itemCode, current, reload }: Props) {
  const { t } = useTranslation();
  const baseId = useId();
  const runner = useMutationRunner(reload);
  const [publish] = useMutation(PUBLISH_RULES);
  const [rules, setRules] = useState<RuleDraft[]>(() => startingRules(current));
  const [note, setNote] = useState('');
  const [base, setBase] = useState<number | 'latest'>(current?.version ?? 0);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const expectedVersion = base === 'latest' ? (current?.version ?? 0) : base;
  const idOf = (key: string, input: RuleInput) => `${baseId}-${key}-${input}`;
  const noteId = `${baseId}-note`;

  function update(key: string, patch: Partial<EditableRule>) {
    setRules((list) => list.map((r) => (r.key === key && r.editable ? { ...r, ...patch } : r)));
    const inputs = touched(patch);
    setProblems((p) => {
      const mine = p.byRule[key];
      if (!mine) return p;
      const kept = inputs === 'all' ? {} : { ...mine };
      if (inputs !== 'all') for (const input of inputs) delete kept[input];
      return { ...p, byRule: { ...p.byRule, [key]: kept } };
    });
  }

  function show(list: { field: string | null; message: string }[], fromServer: boolean) {
    const next: Problems = { byRule: {}, set: null, note: null };
    let first: string | null = null;
    for (const { field, message } of list) {
      const target = ruleInputOf(field);
      if (target.index !== null && rules[target.index]) {
        const rule = rules[target.index]!;
        const input: RuleInput = rule.editable ? target.input : 'rule';
        const mine = (next.byRule[rule.key] ??= {});
        mine[input] ??= message;
        first ??= idOf(rule.key, input === 'rule' ? 'id' : input);
      } else if (target.input === 'note') {
        next.note ??= message;
        first ??= noteId;
      } else if (!fromServer) {
        // The server's words about the set as a whole are in the notice already.
        next.set ??= message;
      }
    }
    setProblems(next);
    requestAnimationFrame(() => focusInput(first));
  }

  const problemText = (p: FormProblem) =>
    p.field === 'rules'
      ? t(`admin.rules.editor.problem.${p.problem === 'tooMany' ? 'tooMany' : 'noRules'}`, { max: MAX_RULES })
      : t(`admin.rules.editor.problem.${p.problem}`);

  async function submit() {
    if (runner.running) return;
    const converted = rulesToJson(rules);
    const problems = converted.ok
      ? []
      : converted.problems.map((p) => ({ field: p.field, message: problemText(p) }));
    // The note is required (it explains the version in the history).
    if (!note.trim()) problems.push({ field: 'note', message: t('admin.rules.editor.problem.noteMissing') });
    if (!converted.ok || problems.length > 0) {
      runner.clear();
      show(problems, false);
      return;
    }
    setProblems(NO_PROBLEMS);
    const from = expectedVersion;
    const { result, outcome } = await runner.run(
      'publish',
      () =>
        publish({
          variables: { itemCode, expectedVersion: from, rules: converted.json, note: note.trim() },
        }).then((r) => r.data?.publishInstantApprovalRules),
      // A publish succeeds only from the current version, so the new one is the next.
      t('admin.rules.editor.published', { version: from + 1 }),
      { reloadOnOk: true },
    );
    if (outcome.kind === 'ok' && result?.ruleSet) {
      setRules(rulesFromJson(result.ruleSet.rules) ?? rules);
      setBase(result.ruleSet.version);
      setNote('');
    } else if (outcome.kind === 'stale') {
      setBase('latest');
    } else if (outcome.kind === 'refused') {
      show([{ field: outcome.field, message: outcome.message }], true);
    }
  }

  function reset() {
    runner.clear();
    setRules(startingRules(current));
    setBase(current?.version ?? 0);
    setNote('');
    setProblems(NO_PROBLEMS);
  }

  return (
    <section
      className="aff-panel aff-admin-editor"
      aria-labelledby="aff-rule-editor-title"
      data-testid="rule-editor"
    >
      <h2 id="aff-rule-editor-title">{t('admin.rules.editor.title')}</h2>
      <p className="aff-muted" data-testid="editor-base" data-version={expectedVersion}>
        {expectedVersion > 0
          ? t('admin.rules.editor.base', { version: expectedVersion, next: expectedVersion + 1 })
          : t('admin.rules.editor.baseNone')}
      </p>
      <div role="alert">{problems.set && <Alert type="error" showIcon title={problems.set} />}</div>

      <ol className="aff-admin-rule-cards">
        {rules.map((rule, index) => (
          <RuleCard
            key={rule.key}
            rule={rule}
            index={index}
            count={rules.length}
            problems={problems.byRule[rule.key] ?? {}}
            idOf={(input) => idOf(rule.key, input)}
            onChange={(patch) => update(rule.key, patch)}
            onMove={(delta) =>
              setRules((list) =>
                moveRule(
                  list,
                  list.findIndex((r) => r.key === rule.key),
                  delta,
                ),
              )
            }
            onRemove={() => setRules((list) => list.filter((r) => r.key !== rule.key))}
          />
        ))}
      </ol>
      <Button
        icon={<PlusOutlined aria-hidden />}
        onClick={() => {
          const added = newRule(rules);
          setRules((list) => [...list, added]);
          setProblems((p) => ({ ...p, set: null }));
          requestAnimationFrame(() => focusInput(idOf(added.key, 'id')));
        }}
        disabled={rules.length >= MAX_RULES}
        data-testid="add-rule"
      >
        {t('admin.rules.editor.add')}
      </Button>

      <AdminField
        id={noteId}
        label={t('admin.rules.editor.note')}
        hint={t('admin.rules.editor.noteHint', { max: NOTE_MAX })}
        error={problems.note}
        field="note"
      >
        {(props) => (
          <Input.TextArea
            {...props}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setProblems((p) => ({ ...p, note: null }));
            }}
            maxLength={NOTE_MAX}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="publish-note"
          />
        )}
      </AdminField>

      <div className="aff-actions">
        <Button
          type="primary"
          size="large"
          icon={<CloudUploadOutlined aria-hidden />}
          onClick={() => void submit()}
          loading={runner.running === 'publish'}
          data-testid="publish"
        >
          {t('admin.rules.editor.publish')}
        </Button>
        <Button
          icon={<UndoOutlined aria-hidden />}
          onClick={reset}
          disabled={runner.running !== null}
          data-testid="editor-reset"
        >
          {t('admin.rules.editor.reset')}
        </Button>
      </div>
      <OutcomeNotice notice={runner.notice} onClose={runner.clear} />
    </section>
  );
}
