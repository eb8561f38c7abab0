import type { ReceiptFacts } from '../../core/report-flow/error-text.js';
import { type ReceiptPeriodState, W } from '../messages.js';
import { Page } from './layout.js';

const L = W.receiptLabels;

/** The receipt of one stored revision, with "edit" only while the link still takes the period. */
export function ReceiptPage(props: {
  base: string;
  facts: ReceiptFacts;
  totalFiles: number;
  via: string;
  state: ReceiptPeriodState;
  editHref: string;
  formHref: string;
}) {
  const f = props.facts;
  return (
    <Page base={props.base} title={W.receiptTitle(f.unit, f.label)}>
      <section class="card receipt">
        <h1>{W.receiptHeading}</h1>
        <div class="alert ok" role="status">
          {W.receipt(f, props.state).map((line) => (
            <p>{line}</p>
          ))}
          <p>{W.receiptVia(props.via)}</p>
        </div>
        <dl class="facts">
          <dt>{L.unit}</dt>
          <dd>{f.unit}</dd>
          <dt>{L.period}</dt>
          <dd>{f.label}</dd>
          <dt>{L.revision}</dt>
          <dd>{f.revision}</dd>
          <dt>{L.at}</dt>
          <dd>{f.at}</dd>
          <dt>{L.state}</dt>
          <dd>{f.onTime ? L.onTime : L.late}</dd>
          <dt>{L.files}</dt>
          <dd>{L.filesCount(f.attachments, props.totalFiles)}</dd>
          <dt>{L.lock}</dt>
          <dd>{L.lockValue(f.lockDate)}</dd>
        </dl>
        {props.state === 'taken' ? (
          <a class="button" href={props.editHref}>
            {W.editReport}
          </a>
        ) : (
          <a class="button secondary" href={props.formHref}>
            {W.backToForm}
          </a>
        )}
      </section>
    </Page>
  );
}
