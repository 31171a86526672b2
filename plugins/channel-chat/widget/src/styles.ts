/** The widget's own CSS, inside its shadow root (the host's inline `all:initial` stops the page's inherited styles). */
export const STYLES = `
*{box-sizing:border-box}
[hidden]{display:none!important}
.launcher,.panel{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433}
button,input,textarea{font:inherit;color:inherit}
:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.launcher{width:56px;height:56px;border:0;border-radius:50%;background:#1f5fd6;color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.3);margin-left:auto}
.panel{position:absolute;right:0;bottom:68px;width:360px;max-width:calc(100vw - 40px);height:540px;max-height:calc(100vh - 110px);background:#fff;border-radius:12px;box-shadow:0 10px 32px rgba(0,0,0,.28);overflow:hidden}
.layout,.sb-chat{height:100%;display:flex;flex-direction:column}
.sb-header{background:#1f5fd6;color:#fff;padding:12px 44px 12px 16px;display:flex;flex-direction:column}
.sb-subtitle{font-size:12px;opacity:.85}
.sb-greeting{margin:0;padding:8px 16px;background:#f2f5fb}
.sb-footer{font-size:11px;color:#667;text-align:center;padding:4px}
[data-sb-slot=conversation]{flex:1;min-height:0;display:flex;flex-direction:column}
.view,.conversation{flex:1;min-height:0;display:flex;flex-direction:column;overflow:auto}
.close{position:absolute;top:8px;right:8px;width:32px;height:32px;border:0;border-radius:50%;background:transparent;color:#fff;font-size:22px;cursor:pointer}
.status{margin:0;padding:6px 16px;font-size:12px;color:#445;border-bottom:1px solid #e5e8ef}
.error{margin:0;padding:6px 16px;font-size:13px;color:#9b1c1c;background:#fdecec}
.fields,.ended{padding:12px 16px;display:flex;flex-direction:column;gap:10px;overflow:auto}
.intro,.note{margin:0}
.view>.note{padding:16px}
.field{display:flex;flex-direction:column;gap:4px}
.req{color:#9b1c1c;font-size:12px}
.field-error{color:#9b1c1c;font-size:12px}
.field-error:empty{display:none}
input,textarea{width:100%;padding:8px;border:1px solid #b8bfcc;border-radius:6px;background:#fff}
textarea{resize:vertical}
[aria-invalid=true]{border-color:#9b1c1c}
button{cursor:pointer;padding:8px 12px;border:1px solid #b8bfcc;border-radius:6px;background:#fff}
button:disabled{opacity:.5;cursor:default}
.primary{background:#1f5fd6;border-color:#1f5fd6;color:#fff}
.danger{background:#b42318;border-color:#b42318;color:#fff}
.link{border:0;background:none;color:#1f5fd6;text-decoration:underline;padding:4px}
.log{flex:1;min-height:60px;overflow-y:auto;padding:12px 16px;display:flex;flex-direction:column;gap:8px}
.over .log{flex:none;min-height:0;overflow:visible}
.ended{flex:none}
.msg{max-width:85%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.visitor{align-self:flex-end;background:#1f5fd6;color:#fff}
.msg.agent{align-self:flex-start;background:#eef1f6}
.msg[data-state=failed]{background:#fdecec;color:#9b1c1c}
.who{display:block;font-size:11px;font-weight:600}
.mark{display:block;font-size:10px;text-align:right;opacity:.8}
.typing{padding:0 16px 4px;font-size:12px;font-style:italic;color:#556}
.composer{display:flex;gap:6px;padding:8px 12px;border-top:1px solid #e5e8ef}
.end-bar{display:flex;gap:6px;align-items:center;justify-content:flex-end;padding:0 12px 6px;font-size:13px}
.rate,.transcript{display:flex;flex-direction:column;gap:6px}
.rate p{margin:0}
.stars{display:flex;gap:4px}
.star{font-size:22px;line-height:1;padding:4px 8px;color:#99a}
.star.on{color:#e8a317}
.invite{padding:16px;display:flex;flex-direction:column;gap:10px}
.invite p{margin:0}
.invite-actions{display:flex;gap:8px}
.attach{padding:6px 8px;display:flex;align-items:center;align-self:flex-end}
.file{display:block;margin-top:4px;padding:4px 0;border:0;background:none;color:inherit;text-decoration:underline;text-align:left;overflow-wrap:anywhere}
.upload{margin:0;padding:0 16px 4px;font-size:12px;color:#556}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
