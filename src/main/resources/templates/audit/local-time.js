// CarePost's audit pages: every <time datetime="...Z"> is rendered by the server in UTC to the second; this shows it
// in the viewer's time zone (the browser's), to the second, and keeps the UTC time as the tooltip. The filter form's
// hidden "tz" field gets the same zone, so the days of a period are the viewer's days (and stay in the shared link).
(function () {
  'use strict';
  function run() {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    var format = new Intl.DateTimeFormat('en-GB', {
      year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
      hour12: false, timeZone: zone, timeZoneName: 'short'
    });
    document.querySelectorAll('time[datetime]').forEach(function (element) {
      var at = new Date(element.getAttribute('datetime'));
      if (isNaN(at.getTime())) {
        return;
      }
      element.title = element.textContent;
      element.textContent = format.format(at);
      element.setAttribute('data-zone', zone);
    });
    document.querySelectorAll('[data-viewer-zone]').forEach(function (element) {
      element.textContent = 'Times are shown in your time zone, ' + zone + ' (hover a time for UTC).';
    });
    document.querySelectorAll('input[name="tz"]').forEach(function (input) {
      if (!input.value) {
        input.value = zone;
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run);
  } else {
    run();
  }
})();
