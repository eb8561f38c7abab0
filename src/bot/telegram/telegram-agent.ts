import { Agent } from 'node:https';

/**
 * The HTTPS agent for Bot API calls. With forceIpv4 it connects over IPv4 only: on hosts with
 * broken IPv6, Node's dual-stack connection racing gives intermittent ETIMEDOUT to Telegram
 * (telegraf issues #1961, #2077). Without it telegraf keeps its own keep-alive agent.
 */
export function telegramAgent(forceIpv4: boolean): Agent | undefined {
  return forceIpv4 ? new Agent({ keepAlive: true, keepAliveMsecs: 10_000, family: 4 }) : undefined;
}
