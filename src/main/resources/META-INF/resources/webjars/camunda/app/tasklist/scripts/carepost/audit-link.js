// "Audit trail" in the header of Tasklist and Cockpit: CarePost's auditor pages (/audit), reached with the same login
// (the session bridge, docs/security.md). The link shows itself only to users who may open the pages: it asks
// /audit/access (204 for them, 403 for everybody else, 401 without a login), so the rule stays the one on the pages
// (deny by default). It asks nothing of the webapps' own API: a request there racing the login (which replaces the
// session) could come back with a new, empty session cookie and log the user out. /audit/access never creates a
// session, and with X-Requested-With it answers 401 without a Basic challenge (no password prompt).
// Cockpit loads this same file (its scripts/config.js names '../tasklist/scripts/carepost/audit-link').
function mayAudit() {
  return fetch('/audit/access', {
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'}
  }).then((response) => response.status === 204).catch(() => false);
}

function render(node) {
  mayAudit().then((allowed) => {
    if (!allowed || node.querySelector('#carepost-audit')) {
      return;
    }
    const link = document.createElement('a');
    link.href = '/audit';
    link.id = 'carepost-audit';
    link.textContent = 'Audit trail';
    link.title = 'CarePost audit: every draft, its status and its trail';
    node.appendChild(link);
  });
}

export default [
  {id: 'carepost-audit-tasklist', pluginPoint: 'tasklist.navbar.action', priority: 140, render},
  {id: 'carepost-audit-cockpit', pluginPoint: 'cockpit.navigation', priority: 5, render}
];
