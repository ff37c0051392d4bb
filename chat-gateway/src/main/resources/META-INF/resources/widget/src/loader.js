/*
 * Chat widget loader: the one tag a website pastes.
 *
 *   <script src="https://chat.example.com/widget/loader.js"
 *           data-campaign-id="<campaign id>" data-language="es" async></script>
 *
 * Optional attributes: data-language (es/en/pt; default: the browser's language, fallback en),
 * data-customer-name (sent with the customer's hello).
 *
 * It derives the suite's base URL from its own src, installs window.ChatWidget (calls made
 * before the widget is ready are queued) and loads the widget bundle from the same base.
 *
 * Versioned delivery: this file keeps its URL and is cached for minutes only; the build writes the
 * bundle's content stamp into it (BUNDLE_STAMP), and the bundle (widget.js + widget.css) lives under
 * /widget/<stamp>/, cached for a year as immutable. A deploy therefore reaches every visitor within
 * the loader's short cache time, and a visitor never mixes an old widget.js with a new widget.css.
 *
 * widget.js is a classic script, not an ES module, on purpose: a cross-origin module script needs
 * CORS headers, a classic one does not, so any host page can embed the widget.
 */
(() => {
  'use strict';

  const SUPPORTED = ['es', 'en', 'pt'];
  const BUNDLE_STAMP = '__WIDGET_STAMP__'; // replaced at build time by the bundle's content hash

  // currentScript is null only if the loader was inlined or bundled; then look for our tag.
  const script = document.currentScript
    || [...document.querySelectorAll('script[src]')].find((s) => /\/widget\/loader\.js(\?|#|$)/.test(s.src));
  if (!script) {
    console.error('[chat-widget] cannot find my own <script> tag');
    return;
  }
  if (window.ChatWidget && window.ChatWidget.loaded) {
    console.warn('[chat-widget] loaded twice; ignoring the second tag');
    return;
  }

  const campaignId = (script.dataset.campaignId || '').trim();
  if (!campaignId) {
    console.error('[chat-widget] data-campaign-id is missing on the loader <script> tag');
    return;
  }

  /** es/en/pt from an explicit attribute, else the first supported browser language, else en. */
  function pickLanguage(explicit) {
    const candidates = [explicit, ...(navigator.languages || []), navigator.language];
    for (const tag of candidates) {
      const primary = String(tag || '').toLowerCase().split(/[-_]/)[0];
      if (SUPPORTED.includes(primary)) return primary;
    }
    return 'en';
  }

  const loaderUrl = new URL(script.src, document.baseURI);
  const config = {
    campaignId,
    language: pickLanguage(script.dataset.language),
    customerName: (script.dataset.customerName || '').trim() || undefined,
    bundleBase: new URL(`${BUNDLE_STAMP}/`, loaderUrl).href, // .../widget/<stamp>/: widget.js, widget.css
    suiteBase: new URL('../', loaderUrl).href, // the gateway root: /ws/customer lives here
  };

  // Stub API: remembers open/close until the real widget takes over.
  const pending = [];
  window.ChatWidget = {
    loaded: true,
    ready: false,
    open: () => void pending.push('open'),
    close: () => void pending.push('close'),
  };

  const widgetScript = document.createElement('script');
  widgetScript.src = new URL('widget.js', config.bundleBase).href;
  widgetScript.async = true;
  // widget.js holds UTF-8 text (es/pt strings); without this a host page in another encoding
  // would decode it with its own when the server's Content-Type names no charset.
  widgetScript.charset = 'utf-8';
  widgetScript.onload = () => {
    const mount = () => {
      const api = window.ChatSuiteWidget.mount(config);
      window.ChatWidget = Object.assign(api, { loaded: true, ready: true });
      for (const call of pending) api[call]();
      document.dispatchEvent(new CustomEvent('chatwidget:ready'));
    };
    // An async loader in <head> can run before <body> exists.
    if (document.body) mount();
    else document.addEventListener('DOMContentLoaded', mount, { once: true });
  };
  widgetScript.onerror = () => console.error('[chat-widget] could not load', widgetScript.src);
  document.head.appendChild(widgetScript);
})();
