import { deliveryText as t } from '../messages.js';

type Tab = keyof typeof t.tabs;

const PATHS: Record<Tab, string> = {
  status: '',
  broadcasts: '/broadcasts',
  groups: '/groups',
  unreachable: '/unreachable',
  email: '/email',
};

/** The pages under "Gửi tin": the delivery status, broadcasts, the bloc's groups, and who Telegram does not reach. */
export function DeliveryTabs(props: { blocId: number; current: Tab }) {
  return (
    <nav class="tabs" aria-label={t.tabsLabel}>
      {(Object.keys(PATHS) as Tab[]).map((tab) => (
        <a
          href={`/blocs/${props.blocId}/delivery${PATHS[tab]}`}
          aria-current={tab === props.current ? 'page' : undefined}
        >
          {t.tabs[tab]}
        </a>
      ))}
    </nav>
  );
}
