// Demo page glue: embeds the widget for the campaign named in ?campaignId= (language from ?lang=)
// exactly as the one-tag snippet would, and shows that snippet for integrators.

const params = new URLSearchParams(location.search);
const campaignId = (params.get('campaignId') || '').trim();
const lang = (params.get('lang') || '').trim().toLowerCase();
const language = ['es', 'en', 'pt'].includes(lang) ? lang : null;

// The suite serves this page, so the loader lives on the same origin, one folder up.
const loaderUrl = new URL('../widget/loader.js', location.href).href;

function snippet() {
  const attrs = [`src="${loaderUrl}"`, `data-campaign-id="${campaignId || '<campaign id>'}"`];
  if (language) attrs.push(`data-language="${language}"`);
  return `<script ${attrs.join(' ')} async></script>`;
}

document.getElementById('embed-snippet').textContent = snippet();

// Language links keep the campaign id.
for (const link of document.querySelectorAll('a[data-lang]')) {
  const url = new URL(location.href);
  url.searchParams.set('lang', link.dataset.lang);
  link.href = url.href;
}

if (language) document.documentElement.lang = language;

if (campaignId) {
  const tag = document.createElement('script');
  tag.src = loaderUrl;
  tag.async = true;
  tag.dataset.campaignId = campaignId;
  if (language) tag.dataset.language = language;
  document.body.appendChild(tag);
} else {
  document.getElementById('campaign-missing').hidden = false;
}

document.getElementById('open-chat').addEventListener('click', () => {
  if (window.ChatWidget) window.ChatWidget.open();
  else document.getElementById('campaign-missing').hidden = false;
});
