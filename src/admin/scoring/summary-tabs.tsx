import { summaryTabsText as t } from '../messages.js';

type Tab = keyof typeof t.tabs;

const PATHS: Record<Tab, string> = { scoring: '/scoring', downloads: '/downloads' };

/** The pages under "Tổng kết" in the bloc's menu: the scoring page and the downloads. */
export function SummaryTabs(props: { blocId: number; current: Tab }) {
  return (
    <nav class="tabs" aria-label={t.label}>
      {(Object.keys(PATHS) as Tab[]).map((tab) => (
        <a href={`/blocs/${props.blocId}${PATHS[tab]}`} aria-current={tab === props.current ? 'page' : undefined}>
          {t.tabs[tab]}
        </a>
      ))}
    </nav>
  );
}
