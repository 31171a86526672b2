/** The built-in layout (seed 003's layouts are made by cloning an existing one). */
export const DEFAULT_LAYOUT = `<div class="sb-chat" lang="{{lang}}">
  <header class="sb-header">
    <strong class="sb-title">{{title}}</strong>
    <span class="sb-subtitle">{{siteName}}</span>
  </header>
  <p class="sb-greeting">{{greeting}}</p>
  <div class="sb-conversation" data-sb-slot="conversation"></div>
  <footer class="sb-footer">{{footer}}</footer>
</div>
`;
