import { Layout } from './layout.js';

export interface BlocOverview {
  id: number;
  name: string;
  province: string;
  isDemo: boolean;
  members: number;
  chairName: string | null;
  year: number;
}

/** The landing page: the blocs this deployment runs. */
export function OverviewPage(props: { blocs: BlocOverview[] }) {
  return (
    <Layout title="Tổng quan">
      <div class="card">
        <h2>Các khối thi đua</h2>
        {props.blocs.length === 0 ? (
          <p>Chưa có khối thi đua nào.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Khối</th>
                <th>Tỉnh</th>
                <th>Số đơn vị</th>
                <th>Khối trưởng</th>
              </tr>
            </thead>
            <tbody>
              {props.blocs.map((b) => (
                <tr>
                  <td>
                    {b.name} {b.isDemo ? <span class="demo">dữ liệu mẫu</span> : null}
                  </td>
                  <td>{b.province}</td>
                  <td>{b.members}</td>
                  <td>{b.chairName ? `${b.chairName} (${b.year})` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Layout>
  );
}
