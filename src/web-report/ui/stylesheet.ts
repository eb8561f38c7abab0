// The form's stylesheet: mobile first (one column, 16px+ text so phones do not zoom into fields,
// touch targets at least 48px high), widening a little on a desktop.
export const WEB_REPORT_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1d2733;background:#eef2f6}
.top{background:#a3171e;color:#fff;font-weight:600;padding:12px 16px;font-size:16px}
main{max-width:640px;margin:0 auto;padding:12px 12px 48px}
h1{font-size:1.3rem;line-height:1.3;margin:4px 0 8px}
h2{font-size:1.1rem;margin:0 0 8px}
p{margin:6px 0}
.card{background:#fff;border-radius:10px;padding:14px 14px 16px;margin:12px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.muted{color:#55606d}
.small{font-size:.9rem}
.who{font-size:.95rem;color:#3b4652;margin:0}
.periods{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 0;padding:0;list-style:none}
.periods a{display:block;min-height:48px;padding:10px 14px;border:2px solid #b9c3ce;border-radius:10px;text-decoration:none;color:#1d2733;background:#fff;font-size:.95rem;line-height:1.3}
.periods a[aria-current=page]{border-color:#a3171e;background:#fdf0f0;font-weight:600}
.periods .tag{display:block;font-size:.8rem;color:#55606d;font-weight:400}
.periods .tag.overdue{color:#a3171e;font-weight:600}
.field{margin:14px 0 0;padding-top:12px;border-top:1px solid #e3e8ee}
.field:first-of-type{border-top:0;padding-top:0}
label,.label{display:block;font-weight:600;line-height:1.35}
.hint{display:block;font-size:.88rem;color:#55606d;font-weight:400;margin-top:2px}
.figure{display:flex;align-items:center;gap:10px;margin-top:6px}
input[type=text],textarea{font:inherit;font-size:18px;width:100%;padding:10px 12px;border:2px solid #9aa6b2;border-radius:8px;background:#fff;color:inherit}
.figure input{max-width:11rem}
.figure .unit{color:#3b4652}
textarea{min-height:6.5rem;resize:vertical;margin-top:6px}
input:focus,textarea:focus{outline:3px solid #f0b429;outline-offset:1px;border-color:#1d2733}
[aria-invalid=true]{border-color:#b3261e;background:#fff6f5}
.error{color:#b3261e;font-weight:600;font-size:.95rem;margin:6px 0 0}
.alert{border-left:5px solid #b3261e;background:#fff6f5;padding:12px 14px;border-radius:8px;margin:12px 0}
.alert.info{border-color:#1f6feb;background:#eef5ff}
.alert.ok{border-color:#1a7f37;background:#eefbf1}
.alert h2{font-size:1.05rem}
.alert ul{margin:6px 0 0;padding-left:20px}
.alert a{color:inherit}
.button,button{display:block;width:100%;min-height:52px;font:inherit;font-weight:600;font-size:1.05rem;padding:12px 16px;border-radius:10px;border:0;background:#a3171e;color:#fff;text-align:center;text-decoration:none;cursor:pointer;margin-top:12px}
.button.secondary,button.secondary{background:#fff;color:#a3171e;border:2px solid #a3171e}
input[type=file]{font:inherit;font-size:16px;width:100%;margin-top:8px;padding:10px;border:2px dashed #9aa6b2;border-radius:8px;background:#f7f9fb}
.files{list-style:none;margin:8px 0 0;padding:0}
.files li{display:flex;align-items:center;gap:10px;min-height:48px;border-bottom:1px solid #e3e8ee}
.files input[type=checkbox]{width:26px;height:26px;flex:none}
.files .name{overflow-wrap:anywhere}
dl.facts{margin:6px 0;display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}
dl.facts dt{color:#55606d}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.receipt p{margin:8px 0}
@media (min-width:700px){main{padding:20px}.card{padding:20px 24px}}
`;
