import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';

export function Layout(props: { title: string; children: Child }) {
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Khối thi đua`}</title>
        <style>{raw(`
          body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f2933; background: #f5f7fa; }
          header { background: #9b1c1c; color: #fff; padding: .8rem 1.2rem; }
          header h1 { margin: 0; font-size: 1.15rem; }
          main { max-width: 960px; margin: 1.2rem auto; padding: 0 1rem; }
          .card { background: #fff; border-radius: 8px; padding: 1rem 1.2rem; margin-bottom: 1rem; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
          table { border-collapse: collapse; width: 100%; }
          th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #e4e7eb; }
          .demo { display: inline-block; background: #fde68a; color: #7c2d12; border-radius: 4px; padding: 0 .4rem; font-size: .8rem; }
        `)}</style>
      </head>
      <body>
        <header>
          <h1>Khối thi đua · Hệ thống theo dõi phong trào thi đua</h1>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
