import { Button, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocalizedName, useServicesPath } from '../../app/services-context';
import { SUGGEST_SERVICE_ITEMS, type SuggestionNode } from './queries';
import { useDebouncedValue } from './useDebouncedValue';

const SUGGEST_DELAY_MS = 250;
/** The server accepts 1–50 characters; longer input still submits and gets the server's message. */
const MAX_SUGGEST_LENGTH = 50;

interface Props {
  initialQuery?: string;
  autoFocus?: boolean;
}

/**
 * Search with suggestions as you type, following the WAI-ARIA combobox pattern: the input owns a
 * listbox; ↑/↓ move through suggestions, Enter opens the highlighted one or, with none highlighted,
 * goes to the results page; Escape closes the list.
 */
export function SearchBox({ initialQuery = '', autoFocus = false }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const to = useServicesPath();
  const localized = useLocalizedName();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const [value, setValue] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const trimmed = value.trim();
  const debounced = useDebouncedValue(trimmed, SUGGEST_DELAY_MS);
  const enabled = open && debounced.length > 0 && debounced.length <= MAX_SUGGEST_LENGTH;
  const { data, previousData } = useQuery(SUGGEST_SERVICE_ITEMS, {
    variables: { query: debounced },
    skip: !enabled,
  });
  const current = data ?? previousData;
  const suggestions: SuggestionNode[] =
    enabled && trimmed.length > 0
      ? (current?.searchServiceItems?.edges.slice(0, 8).map((e) => e.node) ?? [])
      : [];
  const expanded = suggestions.length > 0;
  const activeIndex = active < suggestions.length ? active : -1;

  function openItem(item: SuggestionNode) {
    setOpen(false);
    void navigate(to(`items/${encodeURIComponent(item.code)}`));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setOpen(false);
    void navigate(to(`search?q=${encodeURIComponent(value)}`));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (suggestions.length > 0) setActive((activeIndex + 1) % suggestions.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (suggestions.length > 0) setActive(activeIndex <= 0 ? suggestions.length - 1 : activeIndex - 1);
        break;
      case 'Enter': {
        const item = activeIndex >= 0 ? suggestions[activeIndex] : undefined;
        if (item) {
          event.preventDefault();
          openItem(item);
        } // otherwise the form submits: the results page
        break;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
      default:
        break;
    }
  }

  return (
    <form role="search" className="svc-search" onSubmit={submit} aria-label={t('search.label')}>
      <label htmlFor={inputId} className="svc-visually-hidden">
        {t('search.label')}
      </label>
      <div className="svc-search__row">
        <div className="svc-search__field">
          <Input
            id={inputId}
            size="large"
            type="search"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
            autoComplete="off"
            enterKeyHint="search"
            autoFocus={autoFocus}
            data-testid="search-input"
            placeholder={t('search.placeholder')}
            prefix={<SearchOutlined aria-hidden />}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={t('search.suggestions')}
            className="svc-suggestions"
            data-testid="search-suggestions"
            hidden={!expanded}
          >
            {suggestions.map((item, index) => (
              <li
                key={item.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                className="svc-suggestions__option"
                data-testid="search-suggestion"
                // Keep focus in the input so the list does not close before the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => openItem(item)}
              >
                <span className="svc-suggestions__name">{localized(item)}</span>
                <span className="svc-suggestions__meta">{localized(item.department)}</span>
              </li>
            ))}
          </ul>
        </div>
        <Button type="primary" htmlType="submit" size="large" icon={<SearchOutlined aria-hidden />}>
          {t('search.submit')}
        </Button>
      </div>
      <div className="svc-visually-hidden" aria-live="polite" aria-atomic="true">
        {expanded ? t('search.suggestionsCount', { count: suggestions.length }) : ''}
      </div>
    </form>
  );
}
